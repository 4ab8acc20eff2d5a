/**
 * The document's live sliders (`NetworkDocument.live`) as the Live panel edits them: which
 * parameters it may offer, a first range for a new slider, and the slider's range under the
 * teacher's policy. Pure, so the rules are tested without a page.
 */
import { LiveParamError, liveParamPaths, resolveLive } from '../../engine/live/resolve.ts';
import type { LiveControl, NetworkDocument } from '../../model/document.ts';
import type { ParamRange } from '../../model/classroom/policy.ts';
import { readParam } from '../../model/param-path.ts';

/** What the policy says about one path (the classroom store's `usePolicy`). */
export interface PathPolicy {
  isHidden: (id: string) => boolean;
  isLocked: (id: string) => boolean;
  rangeOf: (path: string) => ParamRange | null;
}

/** Parameters "Add live control" offers: live, not yet a slider, neither hidden nor locked. */
export function offeredPaths(doc: NetworkDocument, policy: PathPolicy): string[] {
  const taken = new Set((doc.live ?? []).map((c) => c.path));
  return liveParamPaths(doc).filter(
    (p) => !taken.has(p) && !policy.isHidden(p) && !policy.isLocked(p),
  );
}

/** Why `path` cannot be a live slider of `doc` (a missing or non-live number), or null. */
export function liveProblem(doc: NetworkDocument, path: string): string | null {
  const value = readParam(doc, path);
  if (value === null) return `'${path}' names no number of this network`;
  try {
    resolveLive(doc, path, value, doc.run.dt);
    return null;
  } catch (error) {
    return error instanceof LiveParamError ? error.message : String(error);
  }
}

/**
 * A first slider for `path`: from 0 to twice the current value (a negative value mirrored, 0
 * gives 0..1), so the current value sits in the middle; a Poisson rate stops at one spike a step.
 */
export function defaultControl(doc: NetworkDocument, path: string): LiveControl {
  const value = readParam(doc, path) ?? 0;
  let min = value < 0 ? 2 * value : 0;
  let max = value > 0 ? 2 * value : value < 0 ? 0 : 1;
  if (path.endsWith('/params/rate')) max = Math.min(Math.max(max, 100), 1000 / doc.run.dt);
  if (path.endsWith('/params/v_threshold')) {
    // A threshold of 0 is rarely meant: center a band of +-50% (at least 1) on it.
    const half = Math.max(Math.abs(value) / 2, 1);
    min = value - half;
    max = value + half;
  }
  return { path, min: tidy(min), max: tidy(max) };
}

/** `doc` with a slider for `path` appended. */
export function withControl(doc: NetworkDocument, control: LiveControl): NetworkDocument {
  return { ...doc, live: [...(doc.live ?? []).filter((c) => c.path !== control.path), control] };
}

/** `doc` without the slider of `path` (and without an empty `live` list). */
export function withoutControl(doc: NetworkDocument, path: string): NetworkDocument {
  const live = (doc.live ?? []).filter((c) => c.path !== path);
  const { live: _dropped, ...rest } = doc;
  return live.length > 0 ? { ...rest, live } : rest;
}

/** The slider's range: the control's, narrowed to the policy's range for the path. */
export function sliderRange(
  control: LiveControl,
  policy: ParamRange | null,
): { min: number; max: number; step: number } {
  const min = policy ? Math.max(control.min, policy.min) : control.min;
  const max = policy ? Math.min(control.max, policy.max) : control.max;
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const step = control.step ?? (hi > lo ? tidy((hi - lo) / 100) : 1);
  return { min: lo, max: hi, step };
}

/** A value without float noise (0.30000000000000004 -> 0.3). */
function tidy(x: number): number {
  return Number(x.toPrecision(6));
}
