/**
 * OnlineO1 over many synapses at once: one Int32Array per state field, stepped in one loop.
 * This is the form an engine plasticity step calls each time step, and the one the wasm and
 * gpu kernels mirror, so it is written only with 32-bit integer operations (`|0`, `>>`,
 * `Math.imul`, comparisons) and never forms a value outside the int32 range: the weight is
 * saturated before the add can overflow, as an `i32` kernel must do it.
 */
import { onlineO1Bounds } from './online-o1-config.ts';
import type { OnlineO1Bounds, OnlineO1Config } from './online-o1-config.ts';

/** The state of `count` synapses of one rule: four Int32Arrays of length `count`. */
export interface OnlineO1Population {
  readonly config: OnlineO1Config;
  readonly bounds: OnlineO1Bounds;
  readonly count: number;
  readonly weight: Int32Array;
  readonly preTrace: Int32Array;
  readonly postTrace: Int32Array;
  readonly eligibility: Int32Array;
}

/**
 * `count` fresh synapses: weights from `initialWeight` (one integer for all, or one per
 * synapse) saturated into [0, 2^weight_bits - 1]; traces and eligibility 0.
 *
 * @example createOnlineO1Population(onlineO1Config(), 1000, 512).weight[999] // 512
 */
export function createOnlineO1Population(
  config: OnlineO1Config,
  count: number,
  initialWeight: number | ArrayLike<number>,
): OnlineO1Population {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`OnlineO1: the synapse count must be an integer >= 0, got ${count}`);
  }
  const bounds = onlineO1Bounds(config);
  const weight = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const w = typeof initialWeight === 'number' ? initialWeight : initialWeight[i];
    if (w === undefined || !Number.isInteger(w)) {
      throw new RangeError(
        `OnlineO1: initial weight ${i} must be an integer, got ${String(w)}` +
          (typeof initialWeight === 'number' ? '' : ` (${initialWeight.length} weights given)`),
      );
    }
    weight[i] = w < 0 ? 0 : w > bounds.maxWeight ? bounds.maxWeight : w;
  }
  return {
    config,
    bounds,
    count,
    weight,
    preTrace: new Int32Array(count),
    postTrace: new Int32Array(count),
    eligibility: new Int32Array(count),
  };
}

/**
 * Advances every synapse of `state` by one step, in place. `pre[i]` and `post[i]` are the
 * spikes at synapse `i` (non-zero: a spike); `reward` is one global reward (any integer) or one
 * int32 per synapse. Each reward is saturated to the signed reward range. Bit for bit
 * `stepOnlineO1` applied to each synapse.
 *
 * @example
 * const s = createOnlineO1Population(onlineO1Config(), 2, 100);
 * stepMany(s, Uint8Array.of(1, 0), Uint8Array.of(0, 1), 3);
 */
export function stepMany(
  state: OnlineO1Population,
  pre: Uint8Array,
  post: Uint8Array,
  reward: number | Int32Array,
): void {
  const n = state.count;
  if (pre.length < n || post.length < n || (typeof reward !== 'number' && reward.length < n)) {
    const rewards = typeof reward === 'number' ? '' : `, ${reward.length} rewards`;
    throw new RangeError(
      `OnlineO1: ${n} synapses need ${n} pre and post spikes${typeof reward === 'number' ? '' : ' and rewards'}, got ${pre.length} pre, ${post.length} post${rewards}`,
    );
  }
  if (typeof reward === 'number' && !Number.isInteger(reward)) {
    throw new RangeError(`OnlineO1: the reward must be an integer, got ${reward}`);
  }
  const { maxWeight, maxTrace, minEligibility, maxEligibility, minReward, maxReward } =
    state.bounds;
  const decay = state.config.trace_decay_shift;
  const learn = state.config.learning_shift;
  const { weight, preTrace, postTrace, eligibility } = state;
  // A global reward is saturated once; saturating first keeps a huge number out of `|0`.
  const shared =
    typeof reward === 'number'
      ? (reward < minReward ? minReward : reward > maxReward ? maxReward : reward) | 0
      : 0;
  const perSynapse = typeof reward === 'number' ? null : reward;

  for (let i = 0; i < n; i++) {
    const preSpike = pre[i] !== 0;
    const postSpike = post[i] !== 0;
    const lastPre = preTrace[i] ?? 0;
    const lastPost = postTrace[i] ?? 0;

    // Shift 0 is "no decay" (see decayUnsigned); `v >> 0` would otherwise zero the trace.
    preTrace[i] = preSpike ? maxTrace : decay === 0 ? lastPre : lastPre - (lastPre >> decay);
    postTrace[i] = postSpike ? maxTrace : decay === 0 ? lastPost : lastPost - (lastPost >> decay);

    let e = eligibility[i] ?? 0;
    if (decay !== 0) {
      // On the magnitude, so both signs lose the same amount (see decaySigned).
      e = e >= 0 ? e - (e >> decay) : -((-e | 0) - ((-e | 0) >> decay)) | 0;
    }
    // |e| <= 2^29 and each term <= 2^30 - 1: the sum stays inside int32.
    if (postSpike) e = (e + (preSpike ? maxTrace : lastPre)) | 0;
    if (preSpike) e = (e - lastPost) | 0;
    e = e < minEligibility ? minEligibility : e > maxEligibility ? maxEligibility : e;
    eligibility[i] = e;

    let r = shared;
    if (perSynapse !== null) {
      r = perSynapse[i] ?? 0;
      r = r < minReward ? minReward : r > maxReward ? maxReward : r;
    }
    // reward_bits + trace_bits <= 32 (checked with the config) keeps |r * e| <= 2^30.
    const delta = Math.imul(r, e) >> learn;
    const w = weight[i] ?? 0;
    // Saturating add without overflow: compare against the room left before adding.
    weight[i] = delta > maxWeight - w ? maxWeight : w + delta < 0 ? 0 : w + delta;
  }
}
