/**
 * Reads an OnlineO1 stream file: `{"config": {...}, "initial_weight": w0, "stream":
 * [[pre, post, reward], ...]}`, the format `spikelab online-o1` replays and the Verilog
 * testbench shares. Every problem is reported with its JSON path (`stream[3][0]: ...`), so a
 * hand-edited file can be fixed in one pass.
 */
import { describeValue, validateOnlineO1Config } from '../engine/learning/online-o1-config.ts';
import type { OnlineO1Config } from '../engine/learning/online-o1-config.ts';
import { findJsonSyntaxError } from '../model/json-syntax.ts';

/** A checked stream: spikes as booleans, rewards as given (the rule saturates them). */
export interface OnlineO1Stream {
  readonly config: OnlineO1Config;
  readonly initialWeight: number;
  readonly steps: readonly (readonly [pre: boolean, post: boolean, reward: number])[];
}

export type OnlineO1StreamResult =
  | { readonly ok: true; readonly stream: OnlineO1Stream }
  | { readonly ok: false; readonly problems: readonly string[] };

const TOP_KEYS = ['config', 'initial_weight', 'stream'];

/**
 * Parses and checks the text of a stream file; problems are `path: message` lines.
 *
 * @example
 * parseOnlineO1Stream('{"config": {...}, "initial_weight": 3, "stream": [[1, 2, 0]]}')
 * // { ok: false, problems: ['stream[0][1]: must be 0, 1, true or false, got 2'] }
 */
export function parseOnlineO1Stream(text: string): OnlineO1StreamResult {
  // Some editors save a byte-order mark, which JSON.parse refuses; it carries no data.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const at = findJsonSyntaxError(body);
    const where =
      at === undefined
        ? error instanceof Error
          ? error.message
          : String(error)
        : `line ${at.line}, column ${at.column}: ${at.reason}`;
    return { ok: false, problems: [`(file): is not valid JSON: ${where}`] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        `(file): must be an object {"config", "initial_weight", "stream"}, got ${describeValue(value)}`,
      ],
    };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (!TOP_KEYS.includes(key)) {
      problems.push(`${key}: is not a field of a stream file (fields: ${TOP_KEYS.join(', ')})`);
    }
  }

  let config: OnlineO1Config | undefined;
  if (record.config === undefined) {
    problems.push(
      'config: is missing (an object with weight_bits, trace_bits, reward_bits, learning_shift, trace_decay_shift)',
    );
  } else {
    const result = validateOnlineO1Config(record.config);
    if (result.ok) config = result.config;
    else {
      for (const issue of result.issues) {
        problems.push(`config${issue.field === '' ? '' : `.${issue.field}`}: ${issue.message}`);
      }
    }
  }

  const w0 = record.initial_weight;
  if (w0 === undefined) problems.push('initial_weight: is missing (an integer)');
  else if (typeof w0 !== 'number' || !Number.isInteger(w0)) {
    problems.push(`initial_weight: must be an integer, got ${describeValue(w0)}`);
  }

  const steps = readSteps(record.stream, problems);
  if (problems.length > 0 || config === undefined || steps === undefined) {
    return { ok: false, problems };
  }
  return { ok: true, stream: { config, initialWeight: w0 as number, steps } };
}

function readSteps(value: unknown, problems: string[]): OnlineO1Stream['steps'] | undefined {
  if (value === undefined) {
    problems.push('stream: is missing (an array of [pre, post, reward])');
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.push(`stream: must be an array of [pre, post, reward], got ${describeValue(value)}`);
    return undefined;
  }
  const steps: [boolean, boolean, number][] = [];
  value.forEach((item: unknown, t) => {
    if (!Array.isArray(item) || item.length !== 3) {
      problems.push(`stream[${t}]: must be [pre, post, reward], got ${describeValue(item)}`);
      return;
    }
    const [pre, post, reward] = item as unknown[];
    const preSpike = readSpike(pre, `stream[${t}][0]`, problems);
    const postSpike = readSpike(post, `stream[${t}][1]`, problems);
    if (typeof reward !== 'number' || !Number.isInteger(reward)) {
      problems.push(`stream[${t}][2]: the reward must be an integer, got ${describeValue(reward)}`);
    } else if (preSpike !== undefined && postSpike !== undefined) {
      steps.push([preSpike, postSpike, reward]);
    }
  });
  return steps;
}

function readSpike(value: unknown, path: string, problems: string[]): boolean | undefined {
  if (value === 0 || value === false) return false;
  if (value === 1 || value === true) return true;
  const which = path.endsWith('[0]') ? 'the pre spike' : 'the post spike';
  problems.push(`${path}: ${which} must be 0, 1, true or false, got ${describeValue(value)}`);
  return undefined;
}
