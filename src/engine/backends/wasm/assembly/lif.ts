// Steps 1, 2 and 4 of CONTEXT.md for one LIF population, eight neurons per loop iteration.
//
// Refractory neurons are few, so the vector loop integrates every neuron and the held ones are
// put back afterwards from a list: their V is saved before the loop and restored after it, and
// they are dropped from the spike list. The loop therefore never touches the refractory counts.
// Arrays are padded to a multiple of eight; padding lanes are zeroed after each step so they
// stay finite, and never enter the spike list.
import {
  CHAN_BYTES,
  C_DECAY,
  C_I,
  P_CHLIST,
  P_COUNT,
  P_HELD,
  P_HELDN,
  P_KEY,
  P_LEAK,
  P_LIST,
  P_NCH,
  P_NOISE,
  P_RDT,
  P_REFR,
  P_SAVED,
  P_SCRATCH,
  P_SIZE,
  P_V,
  P_VREST,
  P_VTH,
} from './layout';
import { draw24x4, gaussian24x4, stepKey } from './random';

/**
 * `I = ext + I_0 + I_1 + ...` (channel order) into the scratch array, decaying each channel
 * after it is read; used when a population has more than two channels.
 */
function sumChannels(pd: usize, chans: usize, padded: i32, input: f32): usize {
  const scratch = load<usize>(pd + P_SCRATCH);
  const list = load<usize>(pd + P_CHLIST);
  const nch = load<i32>(pd + P_NCH);
  const ext = f32x4.splat(input);
  for (let c = 0; c < nch; c++) {
    const cd = chans + <usize>(load<i32>(list + ((<usize>c) << 2)) * CHAN_BYTES);
    const ip = load<usize>(cd + C_I);
    const decay = f32x4.splat(load<f32>(cd + C_DECAY));
    for (let o: usize = 0, end = (<usize>padded) << 2; o < end; o += 16) {
      const x = v128.load(ip + o);
      v128.store(ip + o, f32x4.mul(x, decay));
      const base = c == 0 ? ext : v128.load(scratch + o);
      v128.store(scratch + o, f32x4.add(base, x));
    }
  }
  return scratch;
}

/** Saves V of the held neurons, which must not change this step. */
function saveHeld(pd: usize): void {
  const vp = load<usize>(pd + P_V);
  const held = load<usize>(pd + P_HELD);
  const saved = load<usize>(pd + P_SAVED);
  const n = load<i32>(load<usize>(pd + P_HELDN));
  for (let k = 0; k < n; k++) {
    const o = (<usize>k) << 2;
    store<f32>(saved + o, load<f32>(vp + ((<usize>load<u32>(held + o)) << 2)));
  }
}

/**
 * Undoes the loop's work on held neurons: drops them from the spike list (a held neuron has
 * refr > 0), restores their V, counts their refractory steps down and forgets the ones released.
 */
function restoreHeld(pd: usize): void {
  const heldN = load<usize>(pd + P_HELDN);
  const n = load<i32>(heldN);
  if (n == 0) return;
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const held = load<usize>(pd + P_HELD);
  const saved = load<usize>(pd + P_SAVED);
  const list = load<usize>(pd + P_LIST);
  const count = load<i32>(pd + P_COUNT);
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const s = load<u32>(list + ((<usize>k) << 2));
    if (load<i32>(rp + ((<usize>s) << 2)) > 0) continue;
    store<u32>(list + ((<usize>kept) << 2), s);
    kept++;
  }
  store<i32>(pd + P_COUNT, kept);
  let still = 0;
  for (let k = 0; k < n; k++) {
    const h = load<u32>(held + ((<usize>k) << 2));
    const o = (<usize>h) << 2;
    store<f32>(vp + o, load<f32>(saved + ((<usize>k) << 2)));
    const r = load<i32>(rp + o) - 1;
    store<i32>(rp + o, r);
    if (r > 0) {
      store<u32>(held + ((<usize>still) << 2), h);
      still++;
    }
  }
  store<i32>(heldN, still);
}

/**
 * One step of a LIF population (or of an sc_dense layer's neurons) with the input `input` shared
 * by every neuron before the channels are added (`ext`, or `ext + Isc`). CH selects the current
 * input at compile time by its size: 1 byte = no channel, 2 = one, 4 = two (fused into this
 * loop), 8 = many (summed beforehand). NOISE: 1 byte = deterministic, 2 = Gaussian noise. Writes
 * the spike list and its count and decays the channels. No finiteness check here: see `run` in
 * kernel.ts.
 */
export function lifStep<CH, NOISE>(
  pd: usize,
  chans: usize,
  t: i32,
  table: usize,
  input: f32,
): void {
  const size = load<i32>(pd + P_SIZE);
  const padded = (size + 7) & ~7;
  const vp = load<usize>(pd + P_V);
  const list = load<usize>(pd + P_LIST);
  const vRest = f32x4.splat(load<f32>(pd + P_VREST));
  const leak = f32x4.splat(load<f32>(pd + P_LEAK));
  const rdt = f32x4.splat(load<f32>(pd + P_RDT));
  const vth = f32x4.splat(load<f32>(pd + P_VTH));
  const noiseStd = f32x4.splat(load<f32>(pd + P_NOISE));
  const ext = f32x4.splat(input);
  const key = sizeof<NOISE>() == 2 ? stepKey(load<u32>(pd + P_KEY), t) : 0;
  let i0: usize = 0;
  let i1: usize = 0;
  let d0 = f32x4.splat(0);
  let d1 = f32x4.splat(0);
  if (sizeof<CH>() == 2 || sizeof<CH>() == 4) {
    const cl = load<usize>(pd + P_CHLIST);
    const c0 = chans + <usize>(load<i32>(cl) * CHAN_BYTES);
    i0 = load<usize>(c0 + C_I);
    d0 = f32x4.splat(load<f32>(c0 + C_DECAY));
    if (sizeof<CH>() == 4) {
      const c1 = chans + <usize>(load<i32>(cl, 4) * CHAN_BYTES);
      i1 = load<usize>(c1 + C_I);
      d1 = f32x4.splat(load<f32>(c1 + C_DECAY));
    }
  }
  let scratch: usize = 0;
  if (sizeof<CH>() == 8) scratch = sumChannels(pd, chans, padded, input);
  saveHeld(pd);

  let count = 0;
  for (let j = 0; j < padded; j += 8) {
    const o = (<usize>j) << 2;
    const va = v128.load(vp + o);
    const vb = v128.load(vp + o, 16);
    let ca = ext;
    let cb = ext;
    if (sizeof<CH>() == 2 || sizeof<CH>() == 4) {
      const a0 = v128.load(i0 + o);
      const b0 = v128.load(i0 + o, 16);
      v128.store(i0 + o, f32x4.mul(a0, d0));
      v128.store(i0 + o, f32x4.mul(b0, d0), 16);
      ca = f32x4.add(ca, a0);
      cb = f32x4.add(cb, b0);
      if (sizeof<CH>() == 4) {
        const a1 = v128.load(i1 + o);
        const b1 = v128.load(i1 + o, 16);
        v128.store(i1 + o, f32x4.mul(a1, d1));
        v128.store(i1 + o, f32x4.mul(b1, d1), 16);
        ca = f32x4.add(ca, a1);
        cb = f32x4.add(cb, b1);
      }
    } else if (sizeof<CH>() == 8) {
      ca = v128.load(scratch + o);
      cb = v128.load(scratch + o, 16);
    }
    // V - (V - vRest)*leak + rdt*I, one rounding per operation, in this order.
    let na = f32x4.add(f32x4.sub(va, f32x4.mul(f32x4.sub(va, vRest), leak)), f32x4.mul(rdt, ca));
    let nb = f32x4.add(f32x4.sub(vb, f32x4.mul(f32x4.sub(vb, vRest), leak)), f32x4.mul(rdt, cb));
    if (sizeof<NOISE>() == 2) {
      na = f32x4.add(na, f32x4.mul(noiseStd, gaussian24x4(draw24x4(key, j), table)));
      nb = f32x4.add(nb, f32x4.mul(noiseStd, gaussian24x4(draw24x4(key, j + 4), table)));
    }
    v128.store(vp + o, na);
    v128.store(vp + o, nb, 16);
    const sa = f32x4.ge(na, vth);
    const sb = f32x4.ge(nb, vth);
    if (v128.any_true(v128.or(sa, sb))) {
      let bits = i32x4.bitmask(sa) | (i32x4.bitmask(sb) << 4);
      while (bits != 0) {
        const n = j + ctz(bits);
        if (n < size) {
          store<i32>(list + ((<usize>count) << 2), n);
          count++;
        }
        bits &= bits - 1;
      }
    }
  }
  store<i32>(pd + P_COUNT, count);
  // Padding lanes restart from 0 every step, so they can never overflow.
  for (let j = size; j < padded; j++) store<f32>(vp + ((<usize>j) << 2), 0);
  restoreHeld(pd);
}
