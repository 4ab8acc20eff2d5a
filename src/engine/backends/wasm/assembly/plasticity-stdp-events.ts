// STDP (CONTEXT.md step 5e, `stdp`) of a projection with one delay d for every synapse, driven
// by events. The reference keeps apre and apost per synapse, but every synapse of source s has
// the same apre (the same decays and the same pre events: s spiked at t - d), and every synapse
// into target j the same apost; so one trace per source and one per target, updated with the
// reference's f32 operations, are bit for bit each synapse's. A weight then changes only at a
// pre event (its source's row) or a post event (the target's column, PL_COLPTR/CSCE/CSCS), and
// clipping leaves every other weight as it is once all are inside [wMin, wMax], which a full pass
// (PL_DIRTY: at step 0 and after structural plasticity changed weights) makes sure of.
import {
  J_DC,
  J_ROW,
  J_SRC,
  J_TGT,
  PL_A,
  PL_AMINUS,
  PL_APLUS,
  PL_B,
  PL_BDEC,
  PL_COLPTR,
  PL_CSCE,
  PL_CSCS,
  PL_DIRTY,
  PL_DPOST,
  PL_DPRE,
  PL_PROJ,
  PL_TARGET,
  PL_W,
  PL_WMAX,
  PL_WMIN,
  POP_BYTES,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_SIZE,
} from './layout';

/** Address of population pd's history slot of `step`, or 0 when step < 0. */
export function slotOf(pd: usize, step: i32): usize {
  if (step < 0) return 0;
  const words = load<i32>(pd + P_HWORDS);
  return load<usize>(pd + P_HIST) + <usize>((step % load<i32>(pd + P_HSLOTS)) * words) * 4;
}

export function isSet(slot: usize, n: u32): bool {
  if (slot == 0) return false;
  return (load<u32>(slot + (((<usize>n) >> 5) << 2)) & (1 << (n & 31))) != 0;
}

/**
 * `x = x * decay` for n traces (four per iteration; arrays are padded to 8), a copy in `copy`
 * when it is not 0, then `x = x + add` for each neuron whose bit is set in `slot`.
 */
export function decayAndAdd(
  x: usize,
  n: i32,
  decay: f32,
  copy: usize,
  slot: usize,
  add: f32,
): void {
  const d = f32x4.splat(decay);
  for (let i = 0; i < n; i += 4) {
    const o = (<usize>i) << 2;
    const v = f32x4.mul(v128.load(x + o), d);
    v128.store(x + o, v);
    if (copy != 0) v128.store(copy + o, v);
  }
  if (slot == 0) return;
  const words = (n + 31) >> 5;
  for (let w = 0; w < words; w++) {
    let bits = load<u32>(slot + ((<usize>w) << 2));
    while (bits != 0) {
      const p = x + ((<usize>(((<u32>w) << 5) + ctz(bits))) << 2);
      store<f32>(p, load<f32>(p) + add);
      bits &= bits - 1;
    }
  }
}

/** Every synapse, as the reference's loop (the full pass of a dirty step). */
function everySynapse<T>(pl: usize, nsrc: i32, preSlot: usize, postSlot: usize): void {
  const jd = load<usize>(pl + PL_PROJ);
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  const wp = load<usize>(pl + PL_W);
  const ap = load<usize>(pl + PL_A);
  const bdec = load<usize>(pl + PL_BDEC);
  const wMin = load<f32>(pl + PL_WMIN);
  const wMax = load<f32>(pl + PL_WMAX);
  for (let s: u32 = 0; s < <u32>nsrc; s++) {
    const end = load<u32>(rows + ((<usize>s) << 2), 4);
    const pre = isSet(preSlot, s);
    const a = load<f32>(ap + ((<usize>s) << 2));
    for (let e = load<u32>(rows + ((<usize>s) << 2)); e < end; e++) {
      const j = <u32>load<T>(targets + <usize>e * sizeof<T>());
      const o = (<usize>e) << 2;
      let w = load<f32>(wp + o);
      if (pre) w = w - load<f32>(bdec + ((<usize>j) << 2));
      if (isSet(postSlot, j)) w = w + a;
      store<f32>(wp + o, min(max(w, wMin), wMax));
    }
  }
}

/** The synapses with a pre event (rows of the sources set in preSlot), then the rest of the post. */
function events<T>(pl: usize, nsrc: i32, ntgt: i32, preSlot: usize, postSlot: usize): void {
  const jd = load<usize>(pl + PL_PROJ);
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  const wp = load<usize>(pl + PL_W);
  const ap = load<usize>(pl + PL_A);
  const bdec = load<usize>(pl + PL_BDEC);
  const wMin = load<f32>(pl + PL_WMIN);
  const wMax = load<f32>(pl + PL_WMAX);
  if (preSlot != 0) {
    const words = (nsrc + 31) >> 5;
    for (let word = 0; word < words; word++) {
      let bits = load<u32>(preSlot + ((<usize>word) << 2));
      while (bits != 0) {
        const s = ((<u32>word) << 5) + ctz(bits);
        bits &= bits - 1;
        const a = load<f32>(ap + ((<usize>s) << 2));
        const end = load<u32>(rows + ((<usize>s) << 2), 4);
        for (let e = load<u32>(rows + ((<usize>s) << 2)); e < end; e++) {
          const j = <u32>load<T>(targets + <usize>e * sizeof<T>());
          const o = (<usize>e) << 2;
          let w = load<f32>(wp + o) - load<f32>(bdec + ((<usize>j) << 2));
          if (isSet(postSlot, j)) w = w + a;
          store<f32>(wp + o, min(max(w, wMin), wMax));
        }
      }
    }
  }
  const colPtr = load<usize>(pl + PL_COLPTR);
  const cscE = load<usize>(pl + PL_CSCE);
  const cscS = load<usize>(pl + PL_CSCS);
  const words = (ntgt + 31) >> 5;
  for (let word = 0; word < words; word++) {
    let bits = load<u32>(postSlot + ((<usize>word) << 2));
    while (bits != 0) {
      const j = ((<u32>word) << 5) + ctz(bits);
      bits &= bits - 1;
      const end = load<u32>(colPtr + ((<usize>j) << 2), 4);
      for (let k = load<u32>(colPtr + ((<usize>j) << 2)); k < end; k++) {
        const s = load<u32>(cscS + ((<usize>k) << 2));
        // A synapse with a pre event was done above, with its post term.
        if (isSet(preSlot, s)) continue;
        const o = (<usize>load<u32>(cscE + ((<usize>k) << 2))) << 2;
        const w = load<f32>(wp + o) + load<f32>(ap + ((<usize>s) << 2));
        store<f32>(wp + o, min(max(w, wMin), wMax));
      }
    }
  }
}

/**
 * The shared traces of step t (stdp, and rstdp with one delay): apre per source decays and
 * takes aPlus at a pre event; apost per target decays (kept in PL_BDEC) and takes aMinus.
 */
export function updateSharedTraces(pl: usize, pops: usize, t: i32): void {
  const jd = load<usize>(pl + PL_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const preSlot = slotOf(src, t - load<i32>(jd + J_DC));
  const postSlot = slotOf(tgt, t);
  const a = load<usize>(pl + PL_A);
  const b = load<usize>(pl + PL_B);
  const nsrc = load<i32>(src + P_SIZE);
  const ntgt = load<i32>(tgt + P_SIZE);
  const bdec = load<usize>(pl + PL_BDEC);
  decayAndAdd(a, nsrc, load<f32>(pl + PL_DPRE), 0, preSlot, load<f32>(pl + PL_APLUS));
  decayAndAdd(b, ntgt, load<f32>(pl + PL_DPOST), bdec, postSlot, load<f32>(pl + PL_AMINUS));
}

/** Step 5e for an event-driven stdp projection (PL_FAST) at step t; `wide` is J_WIDE (0 or 1). */
export function stdpEvents(pl: usize, pops: usize, t: i32, wide: i32): void {
  const jd = load<usize>(pl + PL_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const nsrc = load<i32>(src + P_SIZE);
  const ntgt = load<i32>(tgt + P_SIZE);
  const preSlot = slotOf(src, t - load<i32>(jd + J_DC));
  const postSlot = slotOf(tgt, t);
  updateSharedTraces(pl, pops, t);
  if (load<i32>(load<usize>(pl + PL_DIRTY)) != 0) {
    store<i32>(load<usize>(pl + PL_DIRTY), 0);
    if (wide == 0) everySynapse<u16>(pl, nsrc, preSlot, postSlot);
    else everySynapse<u32>(pl, nsrc, preSlot, postSlot);
  } else if (wide == 0) events<u16>(pl, nsrc, ntgt, preSlot, postSlot);
  else events<u32>(pl, nsrc, ntgt, preSlot, postSlot);
}
