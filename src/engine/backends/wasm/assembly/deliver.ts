// Step 5 of CONTEXT.md: for each projection, each spiking source in ascending order, each of
// its synapses in CSR order, add the weight to the target's V or current. The order of the
// additions is the reference's, so every float sum rounds the same way.
import {
  J_DC,
  J_DLY,
  J_DST,
  J_ROW,
  J_SAT,
  J_SRC,
  J_TGT,
  J_W,
  J_WC,
  J_WIDE,
  POP_BYTES,
  P_COUNT,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_LIST,
} from './layout';
import { deliverReleased, hasStp } from './plasticity-stp';

/**
 * Step 5 into a fixed-point channel (CONTEXT.md step 2f): the integer current (exact in f32
 * for W <= 24) plus the integer weight, clamped to W bits.
 */
function addSaturated(p: usize, w: f32, bits: i32): void {
  const half = <f32>(1 << (bits - 1));
  store<f32>(p, min(max(load<f32>(p) + w, -half), half - 1));
}

/** Adds the synapses of row `s` that take `delay` steps; `dly == 0` means all of them do. */
function deliverRow<T>(jd: usize, s: u32): void {
  const row = load<usize>(jd + J_ROW) + ((<usize>s) << 2);
  const end = load<u32>(row, 4);
  const tgt = load<usize>(jd + J_TGT);
  const dst = load<usize>(jd + J_DST);
  const wp = load<usize>(jd + J_W);
  const bits = load<i32>(jd + J_SAT);
  if (bits != 0) {
    // The sum of two W-bit integers (W <= 24) is below 2^25 in magnitude: exact in f32.
    for (let k = load<u32>(row); k < end; k++) {
      const p = dst + ((<usize>load<T>(tgt + <usize>k * sizeof<T>())) << 2);
      addSaturated(p, wp == 0 ? load<f32>(jd + J_WC) : load<f32>(wp + ((<usize>k) << 2)), bits);
    }
  } else if (wp == 0) {
    const w = load<f32>(jd + J_WC);
    for (let k = load<u32>(row); k < end; k++) {
      const p = dst + ((<usize>load<T>(tgt + <usize>k * sizeof<T>())) << 2);
      store<f32>(p, load<f32>(p) + w);
    }
  } else {
    for (let k = load<u32>(row); k < end; k++) {
      const p = dst + ((<usize>load<T>(tgt + <usize>k * sizeof<T>())) << 2);
      store<f32>(p, load<f32>(p) + load<f32>(wp + ((<usize>k) << 2)));
    }
  }
}

/**
 * Row `s` of a projection with per-synapse delays: synapse k fires when `s` spiked at step
 * `t - delay[k]`, read from the source's history ring. T = u64 marks 32-bit targets that carry
 * the delay in their top byte (8 bytes per synapse with a weight, instead of 9).
 */
function deliverRowDelayed<T>(
  jd: usize,
  s: u32,
  t: i32,
  hist: usize,
  slots: i32,
  words: i32,
): void {
  const row = load<usize>(jd + J_ROW) + ((<usize>s) << 2);
  const end = load<u32>(row, 4);
  const tgt = load<usize>(jd + J_TGT);
  const dst = load<usize>(jd + J_DST);
  const wp = load<usize>(jd + J_W);
  const wc = load<f32>(jd + J_WC);
  const dly = load<usize>(jd + J_DLY);
  const bits = load<i32>(jd + J_SAT);
  const wordOffset = ((<usize>s) >> 5) << 2;
  const bit: u32 = 1 << (s & 31);
  for (let k = load<u32>(row); k < end; k++) {
    let d: i32;
    let target: usize;
    if (sizeof<T>() == 8) {
      const x = load<u32>(tgt + ((<usize>k) << 2));
      d = <i32>(x >> 24);
      target = <usize>(x & 0xffffff);
    } else {
      d = <i32>load<u8>(dly + <usize>k);
      target = <usize>load<T>(tgt + <usize>k * sizeof<T>());
    }
    if (d > t) continue;
    const slot = (t - d) % slots;
    if ((load<u32>(hist + <usize>(slot * words) * 4 + wordOffset) & bit) == 0) continue;
    const p = dst + (target << 2);
    const w = wp == 0 ? wc : load<f32>(wp + ((<usize>k) << 2));
    if (bits != 0) addSaturated(p, w, bits);
    else store<f32>(p, load<f32>(p) + w);
  }
}

function deliverProjection<T>(jd: usize, pops: usize, t: i32, union: usize): void {
  const pd = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const dly = load<usize>(jd + J_DLY);
  if (sizeof<T>() != 8 && dly == 0) {
    const delay = load<i32>(jd + J_DC);
    if (delay == 0) {
      // The spikes of this step, already ascending.
      const list = load<usize>(pd + P_LIST);
      const count = load<i32>(pd + P_COUNT);
      for (let k = 0; k < count; k++) deliverRow<T>(jd, load<u32>(list + ((<usize>k) << 2)));
      return;
    }
    if (delay > t) return;
    // One slot of the history, scanned bit by bit: ascending source order.
    const words = load<i32>(pd + P_HWORDS);
    const base =
      load<usize>(pd + P_HIST) + <usize>(((t - delay) % load<i32>(pd + P_HSLOTS)) * words) * 4;
    for (let w = 0; w < words; w++) {
      let bits = load<u32>(base + ((<usize>w) << 2));
      while (bits != 0) {
        deliverRow<T>(jd, ((<u32>w) << 5) + ctz(bits));
        bits &= bits - 1;
      }
    }
    return;
  }
  // Per-synapse delays: every source that spiked in any remembered step, ascending.
  const hist = load<usize>(pd + P_HIST);
  const slots = load<i32>(pd + P_HSLOTS);
  const words = load<i32>(pd + P_HWORDS);
  const slotBytes = (<usize>words) << 2;
  memory.copy(union, hist, slotBytes);
  for (let s = 1; s < slots; s++) {
    const src = hist + <usize>s * slotBytes;
    for (let o: usize = 0; o < slotBytes; o += 4)
      store<u32>(union + o, load<u32>(union + o) | load<u32>(src + o));
  }
  for (let w = 0; w < words; w++) {
    let bits = load<u32>(union + ((<usize>w) << 2));
    while (bits != 0) {
      deliverRowDelayed<T>(jd, ((<u32>w) << 5) + ctz(bits), t, hist, slots, words);
      bits &= bits - 1;
    }
  }
}

/**
 * Step 5 for one projection. J_WIDE: 0 = u16 targets, 1 = u32 targets, 2 = u32 targets with
 * the per-synapse delay packed in the top byte.
 */
export function deliver(jd: usize, pops: usize, t: i32, union: usize): void {
  const wide = load<i32>(jd + J_WIDE);
  // Short-term plasticity scales each event by its source's release (step 3b).
  if (hasStp(jd)) {
    deliverReleased(jd, pops, t, union, wide);
    return;
  }
  if (wide == 0) deliverProjection<u16>(jd, pops, t, union);
  else if (wide == 1) deliverProjection<u32>(jd, pops, t, union);
  else deliverProjection<u64>(jd, pops, t, union);
}
