/**
 * The configuration of the bounded fixed-point online learner (sc-neurocore's `OnlineO1Config`):
 * five small integers, keyed as in the seed and in stream files, checked with messages that name
 * the field. Every bound it implies (`onlineO1Bounds`) fits a 32-bit signed integer, and so does
 * every intermediate value of the step, which is what lets the reference, wasm and gpu forms of
 * the step agree bit for bit.
 */

/** The rule's knobs; keys as in sc-neurocore and in `spikelab online-o1` stream files. */
export interface OnlineO1Config {
  /** Unsigned weight width: the weight lives in [0, 2^weight_bits - 1]. */
  readonly weight_bits: number;
  /** Trace width: traces in [0, 2^trace_bits - 1], eligibility in the signed trace_bits range. */
  readonly trace_bits: number;
  /** Signed reward width: rewards are saturated to [-2^(reward_bits-1), 2^(reward_bits-1) - 1]. */
  readonly reward_bits: number;
  /** `weight += (reward * eligibility) >> learning_shift`. */
  readonly learning_shift: number;
  /** Each step every trace loses `v >> trace_decay_shift` (0: no decay). */
  readonly trace_decay_shift: number;
}

/** The one rule family sc-neurocore defines for this learner. */
export const ONLINE_O1_RULE_FAMILY = 'reward_modulated_stdp' as const;

/** The seed's defaults (`OnlineO1Config()`). */
export const ONLINE_O1_DEFAULT_CONFIG: OnlineO1Config = {
  weight_bits: 16,
  trace_bits: 12,
  reward_bits: 8,
  learning_shift: 4,
  trace_decay_shift: 4,
};

/**
 * Inclusive range of each field. The lower bounds are the seed's. The upper bounds are
 * sc-neurocore's later ones (31 weight bits, 30 for traces, rewards and shifts): with them the
 * weight, traces and eligibility all fit an Int32Array and a shift never reaches 32 (JavaScript
 * and WebAssembly shift counts wrap modulo 32, Python's do not).
 */
export const ONLINE_O1_FIELD_RANGES: Readonly<
  Record<keyof OnlineO1Config, readonly [min: number, max: number]>
> = {
  weight_bits: [1, 31],
  trace_bits: [2, 30],
  reward_bits: [1, 30],
  learning_shift: [0, 30],
  trace_decay_shift: [0, 30],
};

/**
 * Our one addition to the seed's checks: `reward * eligibility` can reach
 * 2^(reward_bits-1) * 2^(trace_bits-1) in magnitude, which Python holds exactly in a big
 * integer; we keep it inside a 32-bit signed integer (|product| <= 2^30), so the product is one
 * `i32` multiply on every backend instead of a 64-bit one that gpu.js cannot do.
 */
export const ONLINE_O1_MAX_PRODUCT_BITS = 32;

const FIELDS = Object.keys(ONLINE_O1_FIELD_RANGES) as (keyof OnlineO1Config)[];

/** One problem with a configuration: the field (as in the JSON) and what is wrong. */
export interface OnlineO1ConfigIssue {
  readonly field: string;
  readonly message: string;
}

export type OnlineO1ConfigResult =
  | { readonly ok: true; readonly config: OnlineO1Config }
  | { readonly ok: false; readonly issues: readonly OnlineO1ConfigIssue[] };

/** Thrown by `onlineO1Config` for a configuration the rule cannot run. */
export class OnlineO1ConfigError extends Error {
  override readonly name = 'OnlineO1ConfigError';
  constructor(readonly issues: readonly OnlineO1ConfigIssue[]) {
    super(
      `invalid OnlineO1 configuration: ${issues.map((i) => `${i.field || 'config'} ${i.message}`).join('; ')}`,
    );
  }
}

/**
 * How a value read from JSON shows in a message: as JSON, so a string keeps its quotes and
 * `1.5` is not mistaken for `"1.5"`; long values are cut.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Checks a JSON-shaped configuration: an object with all five fields as integers in their
 * ranges, an optional `rule_family` that must be `"reward_modulated_stdp"`, nothing else. Every
 * problem is listed, each naming its field.
 *
 * @example
 * validateOnlineO1Config({ weight_bits: 0, trace_bits: 12, reward_bits: 8,
 *   learning_shift: 4, trace_decay_shift: 4 })
 * // { ok: false, issues: [{ field: 'weight_bits', message: 'must be an integer in 1..31, got 0' }] }
 */
export function validateOnlineO1Config(value: unknown): OnlineO1ConfigResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      issues: [{ field: '', message: `must be an object, got ${describeValue(value)}` }],
    };
  }
  const record = value as Record<string, unknown>;
  const issues: OnlineO1ConfigIssue[] = [];
  for (const field of FIELDS) {
    const [min, max] = ONLINE_O1_FIELD_RANGES[field];
    const got = record[field];
    if (got === undefined) {
      issues.push({ field, message: `is missing (an integer in ${min}..${max})` });
    } else if (typeof got !== 'number' || !Number.isInteger(got) || got < min || got > max) {
      issues.push({
        field,
        message: `must be an integer in ${min}..${max}, got ${describeValue(got)}`,
      });
    }
  }
  const family = record.rule_family;
  if (family !== undefined && family !== ONLINE_O1_RULE_FAMILY) {
    issues.push({
      field: 'rule_family',
      message: `must be "${ONLINE_O1_RULE_FAMILY}", got ${describeValue(family)}`,
    });
  }
  for (const key of Object.keys(record)) {
    if (key !== 'rule_family' && !(FIELDS as string[]).includes(key)) {
      issues.push({
        field: key,
        message: `is not a configuration field (fields: ${FIELDS.join(', ')}, rule_family)`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const config: OnlineO1Config = {
    weight_bits: record.weight_bits as number,
    trace_bits: record.trace_bits as number,
    reward_bits: record.reward_bits as number,
    learning_shift: record.learning_shift as number,
    trace_decay_shift: record.trace_decay_shift as number,
  };
  if (config.reward_bits + config.trace_bits > ONLINE_O1_MAX_PRODUCT_BITS) {
    return {
      ok: false,
      issues: [
        {
          field: 'reward_bits',
          message:
            `must be at most ${ONLINE_O1_MAX_PRODUCT_BITS - config.trace_bits} with trace_bits ` +
            `${config.trace_bits} (reward_bits + trace_bits <= ${ONLINE_O1_MAX_PRODUCT_BITS}, so ` +
            `that reward * eligibility fits a 32-bit integer), got ${config.reward_bits}`,
        },
      ],
    };
  }
  return { ok: true, config };
}

/**
 * The seed's defaults overridden by `fields`, checked; throws `OnlineO1ConfigError` naming every
 * bad field.
 *
 * @example onlineO1Config({ weight_bits: 8 }) // { weight_bits: 8, trace_bits: 12, ... }
 */
export function onlineO1Config(fields: Partial<OnlineO1Config> = {}): OnlineO1Config {
  const result = validateOnlineO1Config({ ...ONLINE_O1_DEFAULT_CONFIG, ...fields });
  if (!result.ok) throw new OnlineO1ConfigError(result.issues);
  return result.config;
}

/** The saturation bounds a configuration implies (the seed's `max_weight` ... `max_reward`). */
export interface OnlineO1Bounds {
  readonly maxWeight: number;
  readonly maxTrace: number;
  readonly minEligibility: number;
  readonly maxEligibility: number;
  readonly minReward: number;
  readonly maxReward: number;
}

/**
 * The bounds of a checked configuration. Written with `2 ** n` because `1 << 31` is negative in
 * JavaScript; every result is a 32-bit signed integer.
 *
 * @example onlineO1Bounds(ONLINE_O1_DEFAULT_CONFIG).maxEligibility // 2047
 */
export function onlineO1Bounds(config: OnlineO1Config): OnlineO1Bounds {
  const halfTrace = 2 ** (config.trace_bits - 1);
  const halfReward = 2 ** (config.reward_bits - 1);
  return {
    maxWeight: 2 ** config.weight_bits - 1,
    maxTrace: 2 ** config.trace_bits - 1,
    minEligibility: -halfTrace,
    maxEligibility: halfTrace - 1,
    minReward: -halfReward,
    maxReward: halfReward - 1,
  };
}

/** Stored bits per synapse: the weight plus three trace-wide fields (the seed's count). */
export function onlineO1StateBits(config: OnlineO1Config): number {
  return config.weight_bits + 3 * config.trace_bits;
}
