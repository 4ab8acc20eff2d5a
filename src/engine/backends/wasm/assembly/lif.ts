// Steps 1, 2 and 4 of CONTEXT.md for one LIF population, four neurons per instruction.
//
// Arrays are padded to a multiple of four. Padding lanes start with a huge refractory count, so
// they are held forever: they never spike and their V stays finite, so the cheap check below
// needs no lane mask.
import {
  CHAN_BYTES,
  C_DECAY,
  C_I,
  P_CHLIST,
  P_COUNT,
  P_EXT,
  P_KEY,
  P_LEAK,
  P_LIST,
  P_NCH,
  P_NOISE,
  P_RDT,
  P_REFR,
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
function sumChannels(pd: usize, chans: usize, padded: i32): usize {
  const scratch = load<usize>(pd + P_SCRATCH);
  const list = load<usize>(pd + P_CHLIST);
  const nch = load<i32>(pd + P_NCH);
  const ext = f32x4.splat(load<f32>(pd + P_EXT));
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

/**
 * One step of a LIF population. CH selects the current input at compile time by its size:
 * 1 byte = no channel, 2 = one, 4 = two (fused into this loop), 8 = many (summed beforehand).
 * NOISE: 1 byte = deterministic, 2 = Gaussian noise. Writes the spike list and its count, decays
 * the channels, and returns true when some V or I was not finite (or the update overflowed).
 */
export function lifStep<CH, NOISE>(pd: usize, chans: usize, t: i32, table: usize): bool {
  const size = load<i32>(pd + P_SIZE);
  const padded = (size + 3) & ~3;
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const list = load<usize>(pd + P_LIST);
  const vRest = f32x4.splat(load<f32>(pd + P_VREST));
  const leak = f32x4.splat(load<f32>(pd + P_LEAK));
  const rdt = f32x4.splat(load<f32>(pd + P_RDT));
  const vth = f32x4.splat(load<f32>(pd + P_VTH));
  const noiseStd = f32x4.splat(load<f32>(pd + P_NOISE));
  const ext = f32x4.splat(load<f32>(pd + P_EXT));
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
  if (sizeof<CH>() == 8) scratch = sumChannels(pd, chans, padded);

  const zero = i32x4.splat(0);
  let acc = f32x4.splat(0);
  let count = 0;
  for (let j = 0; j < padded; j += 4) {
    const o = (<usize>j) << 2;
    const v = v128.load(vp + o);
    const r = v128.load(rp + o);
    let cur = ext;
    if (sizeof<CH>() == 2 || sizeof<CH>() == 4) {
      const a0 = v128.load(i0 + o);
      v128.store(i0 + o, f32x4.mul(a0, d0));
      cur = f32x4.add(cur, a0);
      if (sizeof<CH>() == 4) {
        const a1 = v128.load(i1 + o);
        v128.store(i1 + o, f32x4.mul(a1, d1));
        cur = f32x4.add(cur, a1);
      }
    } else if (sizeof<CH>() == 8) {
      cur = v128.load(scratch + o);
    }
    // V - (V - vRest)*leak + rdt*I, one rounding per operation, in this order.
    const a = f32x4.sub(v, vRest);
    const b = f32x4.mul(a, leak);
    const c = f32x4.sub(v, b);
    const d = f32x4.mul(rdt, cur);
    let vn = f32x4.add(c, d);
    if (sizeof<NOISE>() == 2) {
      vn = f32x4.add(vn, f32x4.mul(noiseStd, gaussian24x4(draw24x4(key, j), table)));
    }
    // x - x is 0 for finite x and NaN otherwise; a non-finite V or I makes vn non-finite.
    acc = f32x4.add(acc, f32x4.sub(vn, vn));
    const held = i32x4.gt_s(r, zero);
    v128.store(rp + o, i32x4.add(r, held));
    v128.store(vp + o, v128.bitselect(v, vn, held));
    let bits = i32x4.bitmask(v128.andnot(f32x4.ge(vn, vth), held));
    while (bits != 0) {
      store<i32>(list + ((<usize>count) << 2), j + ctz(bits));
      count++;
      bits &= bits - 1;
    }
  }
  store<i32>(pd + P_COUNT, count);
  return v128.any_true(f32x4.ne(acc, acc));
}
