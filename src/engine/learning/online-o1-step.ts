/**
 * One OnlineO1 synapse, one step: sc-neurocore's `OnlineO1Synapse.step` as a pure function over
 * a four-field state record. This is the readable form, written operation by operation like the
 * seed; `online-o1-many.ts` is the same arithmetic over arrays, and the two are tested against
 * each other.
 */
import { onlineO1Bounds } from './online-o1-config.ts';
import type { OnlineO1Config } from './online-o1-config.ts';

/** The four bounded fields one synapse keeps between steps, nothing else. */
export interface OnlineO1State {
  /** Unsigned, in [0, 2^weight_bits - 1]. */
  readonly weight: number;
  /** Unsigned, in [0, 2^trace_bits - 1]. */
  readonly preTrace: number;
  readonly postTrace: number;
  /** Signed, in [-2^(trace_bits-1), 2^(trace_bits-1) - 1]. */
  readonly eligibility: number;
}

/** Clamps an integer into [lower, upper]; comparisons first, so any integer-valued number works. */
export function saturate(value: number, lower: number, upper: number): number {
  return value < lower ? lower : value > upper ? upper : value;
}

/**
 * `v - (v >> shift)` for a trace in [0, 2^30). A shift of 0 means no decay: sc-neurocore's
 * `_decay_unsigned` returns the value unchanged then (the bare formula would zero it).
 */
export function decayUnsigned(value: number, shift: number): number {
  return shift === 0 ? value : (value - (value >> shift)) | 0;
}

/**
 * The signed eligibility decays on its magnitude, so that -5 and 5 lose the same amount:
 * with shift 1, 5 -> 5 - 2 = 3 and -5 -> -(5 - 2) = -3 (an arithmetic shift of -5 would give
 * -5 - (-3) = -2). Shift 0: no decay, as for the traces.
 */
export function decaySigned(value: number, shift: number): number {
  if (shift === 0) return value;
  if (value >= 0) return (value - (value >> shift)) | 0;
  const magnitude = -value | 0;
  return -((magnitude - (magnitude >> shift)) | 0) | 0;
}

/**
 * The state of a fresh synapse: the initial weight saturated into [0, 2^weight_bits - 1]
 * (any integer is accepted, as in the seed), traces and eligibility 0.
 *
 * @example initialOnlineO1State(onlineO1Config({ weight_bits: 4 }), 99).weight // 15
 */
export function initialOnlineO1State(config: OnlineO1Config, initialWeight: number): OnlineO1State {
  requireInteger(initialWeight, 'initial weight');
  return {
    weight: saturate(initialWeight, 0, onlineO1Bounds(config).maxWeight),
    preTrace: 0,
    postTrace: 0,
    eligibility: 0,
  };
}

/**
 * Advances one synapse by one step and returns its new state (the argument is not changed).
 * `reward` is any integer; it is saturated to the signed reward range first.
 *
 * The order is the seed's: decay both traces, set a trace to its maximum on its spike; decay
 * the eligibility, add `post ? (pre ? maxTrace : previous preTrace) : 0` and subtract
 * `pre ? previous postTrace : 0`, saturate to the signed range; then
 * `weight += (reward * eligibility) >> learning_shift` (arithmetic shift, so negative products
 * round toward minus infinity) saturated to [0, maxWeight].
 *
 * @example
 * const config = onlineO1Config();
 * let s = initialOnlineO1State(config, 100);
 * s = stepOnlineO1(config, s, true, false, 0);  // preTrace 4095
 * s = stepOnlineO1(config, s, false, true, 16); // eligibility 2047 (capped), weight 100 + 2047
 */
export function stepOnlineO1(
  config: OnlineO1Config,
  state: OnlineO1State,
  pre: boolean,
  post: boolean,
  reward: number,
): OnlineO1State {
  requireInteger(reward, 'reward');
  const bounds = onlineO1Bounds(config);
  const shift = config.trace_decay_shift;
  const boundedReward = saturate(reward, bounds.minReward, bounds.maxReward);

  const preTrace = pre ? bounds.maxTrace : decayUnsigned(state.preTrace, shift);
  const postTrace = post ? bounds.maxTrace : decayUnsigned(state.postTrace, shift);

  // Pre-before-post pairs potentiate with the trace the pre spike left *before* this step; a
  // simultaneous pair counts as the closest possible pairing, the full trace.
  const potentiation = post ? (pre ? bounds.maxTrace : state.preTrace) : 0;
  const depression = pre ? state.postTrace : 0;
  const eligibility = saturate(
    decaySigned(state.eligibility, shift) + potentiation - depression,
    bounds.minEligibility,
    bounds.maxEligibility,
  );

  const weightDelta = Math.imul(boundedReward, eligibility) >> config.learning_shift;
  const weight = saturate(state.weight + weightDelta, 0, bounds.maxWeight);
  return { weight, preTrace, postTrace, eligibility };
}

function requireInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`OnlineO1: the ${what} must be an integer, got ${value}`);
  }
}
