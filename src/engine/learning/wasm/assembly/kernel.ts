// OnlineO1 over many synapses in WebAssembly: the arithmetic of ../../online-o1-many.ts, four
// synapses per i32x4 step and the remainder one at a time, bit for bit the same (every value
// and intermediate is an int32 there too; see ../../online-o1-config.ts for why). The host
// (../online-o1-wasm.ts) lays out the arrays; the module allocates nothing.

/** First byte the host may use: everything above the module's own static data. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}

// The bounds of one configuration, set once per population by `configure` rather than passed
// on every step.
let maxWeight: i32 = 0;
let maxTrace: i32 = 0;
let minEligibility: i32 = 0;
let maxEligibility: i32 = 0;
let minReward: i32 = 0;
let maxReward: i32 = 0;
let decayShift: i32 = 0;
let learningShift: i32 = 0;

/** Sets the bounds and shifts that `step` uses (from a checked configuration). */
export function configure(
  maxW: i32,
  maxT: i32,
  minE: i32,
  maxE: i32,
  minR: i32,
  maxR: i32,
  decay: i32,
  learn: i32,
): void {
  maxWeight = maxW;
  maxTrace = maxT;
  minEligibility = minE;
  maxEligibility = maxE;
  minReward = minR;
  maxReward = maxR;
  decayShift = decay;
  learningShift = learn;
}

/**
 * One step of `n` synapses. `weight`, `preTrace`, `postTrace`, `eligibility`: i32 arrays,
 * updated in place; `pre`, `post`: u8 spikes (non-zero: a spike); `reward`: an i32 array when
 * `perSynapse` is 1, else `shared` (already saturated by the host) is every synapse's reward.
 */
export function step(
  weight: usize,
  preTrace: usize,
  postTrace: usize,
  eligibility: usize,
  pre: usize,
  post: usize,
  reward: usize,
  n: i32,
  shared: i32,
  perSynapse: i32,
): void {
  // Shift 0 means no decay: the decrement `v >> shift` is masked away instead of branching.
  const keep = decayShift == 0 ? 0 : -1;
  const keepV = i32x4.splat(keep);
  const zero = i32x4.splat(0);
  const maxTraceV = i32x4.splat(maxTrace);
  const maxWeightV = i32x4.splat(maxWeight);
  const minEV = i32x4.splat(minEligibility);
  const maxEV = i32x4.splat(maxEligibility);
  const minRV = i32x4.splat(minReward);
  const maxRV = i32x4.splat(maxReward);
  const sharedV = i32x4.splat(shared);
  const decay = <u32>decayShift;
  const learn = <u32>learningShift;

  const vecEnd = n & ~3;
  for (let i = 0; i < vecEnd; i += 4) {
    const at = (<usize>i) << 2;
    // Four u8 spikes widened to i32 lanes, then to all-ones masks.
    const preMask = i32x4.ne(i32x4.extend_low_i16x8_u(v128.load8x8_u(pre + <usize>i)), zero);
    const postMask = i32x4.ne(i32x4.extend_low_i16x8_u(v128.load8x8_u(post + <usize>i)), zero);
    const lastPre = v128.load(preTrace + at);
    const lastPost = v128.load(postTrace + at);

    const decayedPre = i32x4.sub(lastPre, v128.and(i32x4.shr_s(lastPre, decay), keepV));
    const decayedPost = i32x4.sub(lastPost, v128.and(i32x4.shr_s(lastPost, decay), keepV));
    v128.store(preTrace + at, v128.bitselect(maxTraceV, decayedPre, preMask));
    v128.store(postTrace + at, v128.bitselect(maxTraceV, decayedPost, postMask));

    // The eligibility decays on its magnitude (|e| <= 2^29, so abs cannot overflow).
    const e0 = v128.load(eligibility + at);
    const magnitude = i32x4.abs(e0);
    const decayedMagnitude = i32x4.sub(magnitude, v128.and(i32x4.shr_s(magnitude, decay), keepV));
    const decayedE = v128.bitselect(
      i32x4.neg(decayedMagnitude),
      decayedMagnitude,
      i32x4.lt_s(e0, zero),
    );
    const potentiation = v128.and(postMask, v128.bitselect(maxTraceV, lastPre, preMask));
    const depression = v128.and(preMask, lastPost);
    const e = i32x4.min_s(
      i32x4.max_s(i32x4.sub(i32x4.add(decayedE, potentiation), depression), minEV),
      maxEV,
    );
    v128.store(eligibility + at, e);

    const r =
      perSynapse != 0 ? i32x4.min_s(i32x4.max_s(v128.load(reward + at), minRV), maxRV) : sharedV;
    const delta = i32x4.shr_s(i32x4.mul(r, e), learn);
    const w = v128.load(weight + at);
    // Saturating add: past the room left the lane takes maxWeight (its wrapped sum is unused).
    const over = i32x4.gt_s(delta, i32x4.sub(maxWeightV, w));
    v128.store(
      weight + at,
      v128.bitselect(maxWeightV, i32x4.max_s(i32x4.add(w, delta), zero), over),
    );
  }

  for (let i = vecEnd; i < n; i++) {
    const at = (<usize>i) << 2;
    const preSpike = load<u8>(pre + <usize>i) != 0;
    const postSpike = load<u8>(post + <usize>i) != 0;
    const lastPre = load<i32>(preTrace + at);
    const lastPost = load<i32>(postTrace + at);
    store<i32>(preTrace + at, preSpike ? maxTrace : lastPre - ((lastPre >> decay) & keep));
    store<i32>(postTrace + at, postSpike ? maxTrace : lastPost - ((lastPost >> decay) & keep));

    const e0 = load<i32>(eligibility + at);
    const magnitude = e0 < 0 ? -e0 : e0;
    const decayedMagnitude = magnitude - ((magnitude >> decay) & keep);
    let e = e0 < 0 ? -decayedMagnitude : decayedMagnitude;
    if (postSpike) e += preSpike ? maxTrace : lastPre;
    if (preSpike) e -= lastPost;
    e = e < minEligibility ? minEligibility : e > maxEligibility ? maxEligibility : e;
    store<i32>(eligibility + at, e);

    let r = shared;
    if (perSynapse != 0) {
      r = load<i32>(reward + at);
      r = r < minReward ? minReward : r > maxReward ? maxReward : r;
    }
    const delta = (r * e) >> learn;
    const w = load<i32>(weight + at);
    const sum = w + delta;
    store<i32>(weight + at, delta > maxWeight - w ? maxWeight : sum < 0 ? 0 : sum);
  }
}
