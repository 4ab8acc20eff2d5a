// STDP (CONTEXT.md step 5e) with per-synapse delays, event-driven. The apre of a synapse with
// delay d undergoes at step t exactly the operations the delay-0 apre of its source underwent
// at step t - d (before step d it decays 0 and stays 0), so a ring of maxDelay + 1 per-source
// delay-0 traces gives every synapse's apre bit for bit; apost is per target as with one delay
// (plasticity-stdp-events.ts). Weights change only at pre events (rows of the sources that
// spiked in the remembered steps, each synapse's delay checked) and post events (columns).
import {
  H_UNION,
  J_DLY,
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
  PL_RING,
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
import { decayAndAdd, isSet, slotOf } from './plasticity-stdp-events';

/** Per delay d: the source's history slot of t - d, and its ring slot of t - d (0 if t < d). */
const PRE: usize = memory.data(256 * 4);
const RING: usize = memory.data(256 * 4);

/** Target and delay of synapse e (T = u64: a u32 target carrying the delay in its top byte). */
function targetOf<T>(targets: usize, e: u32): u32 {
  if (sizeof<T>() == 8) return load<u32>(targets + ((<usize>e) << 2)) & 0xffffff;
  return <u32>load<T>(targets + <usize>e * sizeof<T>());
}

function delayOf<T>(targets: usize, dly: usize, e: u32): usize {
  if (sizeof<T>() == 8) return <usize>(load<u32>(targets + ((<usize>e) << 2)) >> 24);
  return <usize>load<u8>(dly + <usize>e);
}

/** apre of a synapse of source s with delay slot index d: its ring slot of t - d (0 before d). */
function apre(d: usize, s: u32): f32 {
  const slot = load<usize>(RING + (d << 2));
  return slot == 0 ? 0 : load<f32>(slot + ((<usize>s) << 2));
}

/** Every synapse, as the reference's loop (the full clipping pass of a dirty step). */
function everySynapse<T>(pl: usize, nsrc: i32, postSlot: usize): void {
  const jd = load<usize>(pl + PL_PROJ);
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  const dly = load<usize>(jd + J_DLY);
  const wp = load<usize>(pl + PL_W);
  const bdec = load<usize>(pl + PL_BDEC);
  const wMin = load<f32>(pl + PL_WMIN);
  const wMax = load<f32>(pl + PL_WMAX);
  for (let s: u32 = 0; s < <u32>nsrc; s++) {
    const end = load<u32>(rows + ((<usize>s) << 2), 4);
    for (let e = load<u32>(rows + ((<usize>s) << 2)); e < end; e++) {
      const j = targetOf<T>(targets, e);
      const d = delayOf<T>(targets, dly, e);
      const o = (<usize>e) << 2;
      let w = load<f32>(wp + o);
      if (isSet(load<usize>(PRE + (d << 2)), s)) w = w - load<f32>(bdec + ((<usize>j) << 2));
      if (isSet(postSlot, j)) w = w + apre(d, s);
      store<f32>(wp + o, min(max(w, wMin), wMax));
    }
  }
}

/** The synapses with a pre event, then those with only a post event. */
function events<T>(pl: usize, src: usize, ntgt: i32, postSlot: usize, union: usize): void {
  const jd = load<usize>(pl + PL_PROJ);
  const rows = load<usize>(jd + J_ROW);
  const targets = load<usize>(jd + J_TGT);
  const dly = load<usize>(jd + J_DLY);
  const wp = load<usize>(pl + PL_W);
  const bdec = load<usize>(pl + PL_BDEC);
  const wMin = load<f32>(pl + PL_WMIN);
  const wMax = load<f32>(pl + PL_WMAX);
  // Every source that spiked in any remembered step, ascending (as delivery finds them).
  const hist = load<usize>(src + P_HIST);
  const slots = load<i32>(src + P_HSLOTS);
  const words = load<i32>(src + P_HWORDS);
  const bytes = (<usize>words) << 2;
  memory.copy(union, hist, bytes);
  for (let k = 1; k < slots; k++) {
    const from = hist + <usize>k * bytes;
    for (let o: usize = 0; o < bytes; o += 4)
      store<u32>(union + o, load<u32>(union + o) | load<u32>(from + o));
  }
  for (let word = 0; word < words; word++) {
    let bits = load<u32>(union + ((<usize>word) << 2));
    while (bits != 0) {
      const s = ((<u32>word) << 5) + ctz(bits);
      bits &= bits - 1;
      const end = load<u32>(rows + ((<usize>s) << 2), 4);
      for (let e = load<u32>(rows + ((<usize>s) << 2)); e < end; e++) {
        const d = delayOf<T>(targets, dly, e);
        if (!isSet(load<usize>(PRE + (d << 2)), s)) continue;
        const j = targetOf<T>(targets, e);
        const o = (<usize>e) << 2;
        let w = load<f32>(wp + o) - load<f32>(bdec + ((<usize>j) << 2));
        if (isSet(postSlot, j)) w = w + apre(d, s);
        store<f32>(wp + o, min(max(w, wMin), wMax));
      }
    }
  }
  const colPtr = load<usize>(pl + PL_COLPTR);
  const cscE = load<usize>(pl + PL_CSCE);
  const cscS = load<usize>(pl + PL_CSCS);
  const twords = (ntgt + 31) >> 5;
  for (let word = 0; word < twords; word++) {
    let bits = load<u32>(postSlot + ((<usize>word) << 2));
    while (bits != 0) {
      const j = ((<u32>word) << 5) + ctz(bits);
      bits &= bits - 1;
      const end = load<u32>(colPtr + ((<usize>j) << 2), 4);
      for (let k = load<u32>(colPtr + ((<usize>j) << 2)); k < end; k++) {
        const s = load<u32>(cscS + ((<usize>k) << 2));
        const e = load<u32>(cscE + ((<usize>k) << 2));
        const d = delayOf<T>(targets, dly, e);
        // A synapse with a pre event was done above, with its post term.
        if (isSet(load<usize>(PRE + (d << 2)), s)) continue;
        const o = (<usize>e) << 2;
        store<f32>(wp + o, min(max(load<f32>(wp + o) + apre(d, s), wMin), wMax));
      }
    }
  }
}

/** Step 5e for stdp with per-synapse delays (PL_FAST 2) at step t; `wide` is J_WIDE. */
export function stdpDelayed(hdr: usize, pl: usize, pops: usize, t: i32, wide: i32): void {
  const jd = load<usize>(pl + PL_PROJ);
  const src = pops + <usize>(load<i32>(jd + J_SRC) * POP_BYTES);
  const tgt = pops + <usize>(load<i32>(pl + PL_TARGET) * POP_BYTES);
  const nsrc = load<i32>(src + P_SIZE);
  const ntgt = load<i32>(tgt + P_SIZE);
  const ring = load<usize>(pl + PL_A);
  const slots = load<i32>(pl + PL_RING);
  const stride = (<usize>((nsrc + 7) & ~7)) << 2;
  for (let d = 0; d < slots; d++) {
    store<usize>(PRE + ((<usize>d) << 2), slotOf(src, t - d));
    store<usize>(RING + ((<usize>d) << 2), d > t ? 0 : ring + <usize>((t - d) % slots) * stride);
  }
  // The delay-0 apre of step t: the previous step's decayed, + aPlus where s spiked at t.
  const cur = load<usize>(RING);
  const prev = ring + <usize>((t + slots - 1) % slots) * stride;
  const decay = f32x4.splat(load<f32>(pl + PL_DPRE));
  for (let s = 0; s < nsrc; s += 4) {
    const o = (<usize>s) << 2;
    v128.store(cur + o, f32x4.mul(v128.load(prev + o), decay));
  }
  const aPlus = load<f32>(pl + PL_APLUS);
  const spiked = load<usize>(PRE);
  for (let word = 0; word < (nsrc + 31) >> 5; word++) {
    let bits = load<u32>(spiked + ((<usize>word) << 2));
    while (bits != 0) {
      const p = cur + ((<usize>(((<u32>word) << 5) + ctz(bits))) << 2);
      store<f32>(p, load<f32>(p) + aPlus);
      bits &= bits - 1;
    }
  }
  const postSlot = slotOf(tgt, t);
  const bdec = load<usize>(pl + PL_BDEC);
  const b = load<usize>(pl + PL_B);
  decayAndAdd(b, ntgt, load<f32>(pl + PL_DPOST), bdec, postSlot, load<f32>(pl + PL_AMINUS));
  const dirty = load<usize>(pl + PL_DIRTY);
  if (load<i32>(dirty) != 0) {
    store<i32>(dirty, 0);
    if (wide == 0) everySynapse<u16>(pl, nsrc, postSlot);
    else if (wide == 1) everySynapse<u32>(pl, nsrc, postSlot);
    else everySynapse<u64>(pl, nsrc, postSlot);
    return;
  }
  const union = load<usize>(hdr + H_UNION);
  if (wide == 0) events<u16>(pl, src, ntgt, postSlot, union);
  else if (wide == 1) events<u32>(pl, src, ntgt, postSlot, union);
  else events<u64>(pl, src, ntgt, postSlot, union);
}
