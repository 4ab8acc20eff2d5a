/**
 * Parameter paths: one number in a document, addressed like a JSON path but with item ids
 * instead of array indices for arrays whose items have an `id`, so a path survives reordering
 * and reads well in a lesson file or a share link: 'populations/exc/params/tau_mem',
 * 'stimuli/drive/amplitude', 'projections/ee/weight/value', 'run/duration'. Arrays of plain
 * numbers (spike times, SC weights) take a decimal index: 'populations/sc/params/weights/3'.
 *
 * Used by the teacher's control policy (lock, hide, range), lessons (which number a step
 * changes or checks), live sliders and sweeps: all of them write through `writeParam`, which
 * never creates a field, so a path can only change a number the document already has.
 */
import type { NetworkDocument } from './document.ts';
import { paramLabelOf } from './param-path-label.ts';

export type ParamPath = string;

/** A path that does not address a number of the document; the message names the path. */
export class ParamPathError extends Error {
  constructor(
    readonly path: ParamPath,
    reason: string,
  ) {
    super(`parameter path '${path}': ${reason}`);
    this.name = 'ParamPathError';
  }
}

/**
 * Fields the UI never offers as parameters: canvas and 3D placement, the format tag, and the
 * list of live sliders (their min/max are the slider's, not the network's).
 */
const NOT_PARAMS = new Set(['position', 'layout3d', 'version', 'live']);

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasId(item: Json): item is { id: string } {
  return isRecord(item) && typeof item.id === 'string';
}

/** The path's segments; throws on an empty path or an empty segment ('a//b', '/a', 'a/'). */
export function parseParamPath(path: ParamPath): string[] {
  if (typeof path !== 'string' || path.length === 0) {
    throw new ParamPathError(String(path), 'is empty');
  }
  const segments = path.split('/');
  if (segments.some((s) => s.length === 0)) {
    throw new ParamPathError(path, 'has an empty segment (a leading, trailing or double /)');
  }
  return segments;
}

/** Index of `segment` in `list`: by item id when the items have ids, else a decimal index. */
function indexIn(list: Json[], segment: string): number {
  if (list.some(hasId)) return list.findIndex((item) => hasId(item) && item.id === segment);
  if (!/^(0|[1-9]\d*)$/.test(segment)) return -1;
  const index = Number(segment);
  return index < list.length ? index : -1;
}

function child(node: Json, segment: string): { found: true; value: Json } | { found: false } {
  if (Array.isArray(node)) {
    const index = indexIn(node, segment);
    return index < 0 ? { found: false } : { found: true, value: node[index] };
  }
  if (isRecord(node) && Object.hasOwn(node, segment)) return { found: true, value: node[segment] };
  return { found: false };
}

/**
 * Why `path` does not address a number of `doc`, or `null` when it does; for lesson and
 * policy checks that report every bad path instead of throwing at the first.
 */
export function paramPathProblem(doc: NetworkDocument, path: ParamPath): string | null {
  let segments: string[];
  try {
    segments = parseParamPath(path);
  } catch (error) {
    return (error as Error).message;
  }
  let node: Json = doc;
  for (const [i, segment] of segments.entries()) {
    const next = child(node, segment);
    if (!next.found) {
      const where = i === 0 ? 'the document' : `'${segments.slice(0, i).join('/')}'`;
      const what = Array.isArray(node) ? 'no item' : 'no field';
      return `parameter path '${path}': ${where} has ${what} '${segment}'`;
    }
    node = next.value;
  }
  if (typeof node !== 'number') {
    return `parameter path '${path}': addresses ${describe(node)}, not a number`;
  }
  return null;
}

function describe(value: Json): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The number at `path`, or `null` when the path is malformed or addresses no number.
 *
 * @example readParam(doc, 'populations/exc/params/tau_mem') // 20
 */
export function readParam(doc: NetworkDocument, path: ParamPath): number | null {
  if (paramPathProblem(doc, path) !== null) return null;
  let node: Json = doc;
  for (const segment of parseParamPath(path)) {
    const next = child(node, segment);
    if (!next.found) return null;
    node = next.value;
  }
  return typeof node === 'number' ? node : null;
}

/** Copies of the containers along the path, the number at its end replaced. */
function replaced(node: Json, segments: string[], value: number): Json {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(node)) {
    const index = indexIn(node, head);
    const copy = node.slice();
    copy[index] = replaced(node[index], rest, value);
    return copy;
  }
  const record = node as Record<string, Json>;
  return { ...record, [head]: replaced(record[head], rest, value) };
}

/**
 * `doc` with the number at `path` set to `value`, as a copy (containers off the path are
 * shared). Throws `ParamPathError` when the path does not address a number or the value is
 * not finite. The result is not validated: the caller's edit path does that.
 */
export function writeParam(doc: NetworkDocument, path: ParamPath, value: number): NetworkDocument {
  const problem = paramPathProblem(doc, path);
  if (problem !== null)
    throw new ParamPathError(path, problem.replace(/^parameter path '.*?': /, ''));
  if (!Number.isFinite(value)) throw new ParamPathError(path, `${value} is not a finite number`);
  return replaced(doc, parseParamPath(path), value) as NetworkDocument;
}

/** `segment` as it appears in a path: an id or an index, never containing '/'. */
function segmentOf(list: Json[], index: number): string {
  const item = list[index];
  return hasId(item) ? item.id : String(index);
}

function collect(node: Json, prefix: string, out: ParamPath[]): void {
  if (typeof node === 'number') {
    out.push(prefix);
    return;
  }
  if (Array.isArray(node)) {
    // A list of plain numbers (spike times, explicit weights, probe indices) may hold
    // thousands of entries: no one offers them one by one as controls.
    if (!node.some(isRecord)) return;
    node.forEach((item, i) => {
      const segment = segmentOf(node, i);
      if (!segment.includes('/')) collect(item, `${prefix}/${segment}`, out);
    });
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (NOT_PARAMS.has(key) || key.includes('/')) continue;
    collect(value, prefix === '' ? key : `${prefix}/${key}`, out);
  }
}

/**
 * Every number the UI may offer as a parameter, in document order: model parameters, sizes,
 * connectivity, weights, delays, synapses, plasticity, stimuli, probe bins and run settings;
 * not canvas positions, ids, the version or plain-number lists.
 */
export function numericParams(doc: NetworkDocument): ParamPath[] {
  const out: ParamPath[] = [];
  collect(doc, '', out);
  return out;
}

/** A short human label, e.g. "exc · Membrane time constant (ms)"; the path itself if unknown. */
export function paramLabel(doc: NetworkDocument, path: ParamPath): string {
  let segments: string[];
  try {
    segments = parseParamPath(path);
  } catch {
    return String(path);
  }
  return paramLabelOf(doc, segments) ?? path;
}
