// R-STDP (CONTEXT.md step 5e, `rstdp`) of a projection with one delay for every synapse: apre
// per source and apost per target are already this step's (updateSharedTraces), so a synapse
// keeps only c and w. In the reference's per-synapse order: c decays (f32x4, every synapse),
// takes `- apost` at a pre event and `+ apre` at a post event (rows of pre sources, columns of
// post targets), then `w = clip(w + g * c)` (f32x4; f32x4.min/max are f32.min/max lane by lane).
// The arrays end on 16-byte boundaries the arena leaves unused, so the last vector stays inside.
import {
  J_DC,
  J_ROW,
  J_SRC,
  J_TGT,
  PL_A,
  PL_BDEC,
  PL_C,
  PL_COLPTR,
  PL_CSCE,
  PL_CSCS,
  PL_DELIG,
  PL_PROJ,
  PL_TARGET,
  PL_W,
  PL_WMAX,
  PL_WMIN,
  POP_BYTES,
  P_SIZE,
} from './layout';
import { isSet, slotOf } from './plasticity-stdp-events';

/** Step 5e of an rstdp projection with shared traces; g = dt * r, count its synapses. */
export function rstdpShared<T>(pl: usize, pops: usize, t: i32, g: f32, count: u32): void {
  const jd = load<usize>(pl + PL_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const nsrc = load<i32>(src + P_SIZE);
  const ntgt = load<i32>(tgt + P_SIZE);
  const preSlot = slotOf(src, t - load<i32>(jd + J_DC));
  const postSlot = slotOf(tgt, t);
  const cp = load<usize>(pl + PL_C);
  const wp = load<usize>(pl + PL_W);
  const ap = load<usize>(pl + PL_A);
  const bdec = load<usize>(pl + PL_BDEC);
  const decay = f32x4.splat(load<f32>(pl + PL_DELIG));
  for (let e: u32 = 0; e < count; e += 4) {
    const p = cp + ((<usize>e) << 2);
    v128.store(p, f32x4.mul(v128.load(p), decay));
  }
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  if (preSlot != 0) {
    for (let word = 0; word < (nsrc + 31) >> 5; word++) {
      let bits = load<u32>(preSlot + ((<usize>word) << 2));
      while (bits != 0) {
        const s = ((<u32>word) << 5) + ctz(bits);
        bits &= bits - 1;
        const a = load<f32>(ap + ((<usize>s) << 2));
        const end = load<u32>(rows + ((<usize>s) << 2), 4);
        for (let e = load<u32>(rows + ((<usize>s) << 2)); e < end; e++) {
          const j = <u32>load<T>(targets + <usize>e * sizeof<T>());
          const p = cp + ((<usize>e) << 2);
          let c = load<f32>(p) - load<f32>(bdec + ((<usize>j) << 2));
          if (isSet(postSlot, j)) c = c + a;
          store<f32>(p, c);
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
        store<f32>(p, load<f32>(p) + load<f32>(ap + ((<usize>s) << 2)));
      }
    }
  }
  const gv = f32x4.splat(g);
  const lo = f32x4.splat(load<f32>(pl + PL_WMIN));
  const hi = f32x4.splat(load<f32>(pl + PL_WMAX));
  for (let e: u32 = 0; e < count; e += 4) {
    const o = (<usize>e) << 2;
    const w = f32x4.add(v128.load(wp + o), f32x4.mul(gv, v128.load(cp + o)));
    v128.store(wp + o, f32x4.min(f32x4.max(w, lo), hi));
  }
}
