// OnlineO1 (CONTEXT.md step 5e, `online_o1`) of a projection with one delay for every synapse.
// As for STDP, every synapse of a source has the same pre trace and every synapse into a target
// the same post trace (stepOnlineO1 sets a trace to its maximum on a spike and decays it
// otherwise, from the same start), so they are kept per neuron with their values of the step
// before (PL_AOLD, PL_BDEC), which the eligibility reads. Per synapse: the eligibility decays
// (i32x4, every synapse), takes its pair terms at events (rows of pre sources, columns of post
// targets) and is saturated there; an in-range value it does not change. At a step whose reward
// is 0 the weights keep their values ((0 * e) >> shift is 0), so only rewarded steps walk them.
import {
  J_DC,
  J_ROW,
  J_SRC,
  J_TGT,
  PL_A,
  PL_AOLD,
  PL_B,
  PL_BDEC,
  PL_C,
  PL_COLPTR,
  PL_CSCE,
  PL_CSCS,
  PL_DSHIFT,
  PL_IW,
  PL_LSHIFT,
  PL_MAXE,
  PL_MAXT,
  PL_MAXW,
  PL_MINE,
  PL_PROJ,
  PL_SCALE,
  PL_TARGET,
  PL_W,
  POP_BYTES,
  P_SIZE,
} from './layout';
import { isSet, slotOf } from './plasticity-stdp-events';

/** Keeps the old traces in `old` and sets each to max on its spike, else decays it. */
function traces(x: usize, old: usize, n: i32, slot: usize, maxT: i32, shift: i32, keep: i32): void {
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 2;
    const v = load<i32>(x + o);
    store<i32>(old + o, v);
    store<i32>(x + o, isSet(slot, <u32>i) ? maxT : v - ((v >> shift) & keep));
  }
}

function saturate(c: i32, lo: i32, hi: i32): i32 {
  return c < lo ? lo : c > hi ? hi : c;
}

/** Step 5e of an online_o1 projection with shared traces; `reward` is saturated already. */
export function onlineO1Shared<T>(pl: usize, pops: usize, t: i32, reward: i32, count: u32): void {
  const jd = load<usize>(pl + PL_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const nsrc = load<i32>(src + P_SIZE);
  const ntgt = load<i32>(tgt + P_SIZE);
  const preSlot = slotOf(src, t - load<i32>(jd + J_DC));
  const postSlot = slotOf(tgt, t);
  const maxT = load<i32>(pl + PL_MAXT);
  const minE = load<i32>(pl + PL_MINE);
  const maxE = load<i32>(pl + PL_MAXE);
  const shift = load<i32>(pl + PL_DSHIFT);
  const keep = shift == 0 ? 0 : -1;
  const aold = load<usize>(pl + PL_AOLD);
  const bold = load<usize>(pl + PL_BDEC);
  traces(load<usize>(pl + PL_A), aold, nsrc, preSlot, maxT, shift, keep);
  traces(load<usize>(pl + PL_B), bold, ntgt, postSlot, maxT, shift, keep);
  // The eligibility's decay on its magnitude, four synapses at a time (padded to 4).
  const cp = load<usize>(pl + PL_C);
  const keepV = i32x4.splat(keep);
  for (let e: u32 = 0; e < count; e += 4) {
    const p = cp + ((<usize>e) << 2);
    const e0 = v128.load(p);
    const m = i32x4.abs(e0);
    const d = i32x4.sub(m, v128.and(i32x4.shr_s(m, shift), keepV));
    v128.store(p, v128.bitselect(i32x4.neg(d), d, i32x4.lt_s(e0, i32x4.splat(0))));
  }
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  if (preSlot != 0) {
    for (let word = 0; word < (nsrc + 31) >> 5; word++) {
      let bits = load<u32>(preSlot + ((<usize>word) << 2));
      while (bits != 0) {
        const s = ((<u32>word) << 5) + ctz(bits);
        bits &= bits - 1;
        const end = load<u32>(rows + ((<usize>s) << 2), 4);
        for (let e = load<u32>(rows + ((<usize>s) << 2)); e < end; e++) {
          const j = <u32>load<T>(targets + <usize>e * sizeof<T>());
          const p = cp + ((<usize>e) << 2);
          // Both spikes: the full trace; the depression is the target's trace before the step.
          let c = load<i32>(p) - load<i32>(bold + ((<usize>j) << 2));
          if (isSet(postSlot, j)) c += maxT;
          store<i32>(p, saturate(c, minE, maxE));
        }
      }
    }
  }
  const colPtr = load<usize>(pl + PL_COLPTR);
  const cscE = load<usize>(pl + PL_CSCE);
  const cscS = load<usize>(pl + PL_CSCS);
  for (let word = 0; word < (ntgt + 31) >> 5; word++) {
    let bits = load<u32>(postSlot + ((<usize>word) << 2));
    while (bits != 0) {
      const j = ((<u32>word) << 5) + ctz(bits);
      bits &= bits - 1;
      const end = load<u32>(colPtr + ((<usize>j) << 2), 4);
      for (let k = load<u32>(colPtr + ((<usize>j) << 2)); k < end; k++) {
        const s = load<u32>(cscS + ((<usize>k) << 2));
        if (isSet(preSlot, s)) continue;
        const p = cp + ((<usize>load<u32>(cscE + ((<usize>k) << 2))) << 2);
        store<i32>(p, saturate(load<i32>(p) + load<i32>(aold + ((<usize>s) << 2)), minE, maxE));
      }
    }
  }
  if (reward == 0) return;
  const iwp = load<usize>(pl + PL_IW);
  const wp = load<usize>(pl + PL_W);
  const maxW = load<i32>(pl + PL_MAXW);
  const learn = load<i32>(pl + PL_LSHIFT);
  const scale = <f64>load<f32>(pl + PL_SCALE);
  for (let e: u32 = 0; e < count; e++) {
    const o = (<usize>e) << 2;
    const delta = (reward * load<i32>(cp + o)) >> learn;
    const w = load<i32>(iwp + o);
    const sum = w + delta;
    const weight = delta > maxW - w ? maxW : sum < 0 ? 0 : sum;
    store<i32>(iwp + o, weight);
    store<f32>(wp + o, <f32>(<f64>weight * scale));
  }
}
