// Steps 1, 2c/2d, 4 and 6 of CONTEXT.md for the classroom models (Izhikevich, AdEx), four
// neurons per iteration in f32, lane by lane in exactly the reference's order
// (backends/reference/classic-step.ts). The population descriptor's P_V, P_REFR, P_NOISE, P_KEY, P_EXT serve as for a LIF; P_SC points at
// the model's constants (CL_* below), and the adaptation variable (u or w) lives in the state
// block at CL_W.
import {
  CHAN_BYTES,
  C_DECAY,
  C_I,
  P_CHLIST,
  P_COUNT,
  P_EXT,
  P_KEY,
  P_LIST,
  P_MODEL,
  P_NCH,
  P_NOISE,
  P_REFR,
  P_SC,
  P_SIZE,
  P_V,
} from './layout';
import { exp32x4 } from './exp32';
import { draw24x4, gaussian24x4, stepKey } from './random';

/** Model codes (host: `MODEL_IZHIKEVICH`, `MODEL_ADEX` in classic-image.ts). */
export const MODEL_IZHIKEVICH: i32 = 24;
export const MODEL_ADEX: i32 = 25;
/** H_ERRVAR code of a non-finite adaptation variable (u or w). */
export const ERR_ADAPTATION: i32 = -4;
/** Q_KIND of a state probe of the adaptation variable (host: PROBE_KIND.adaptation). */
export const PROBE_ADAPTATION: i32 = 2;

// Constants descriptor, CLASSIC_BYTES (host: CL in classic-image.ts).
export const CL_W: i32 = 0;
// Izhikevich
export const CL_DT: i32 = 4;
export const CL_ADT: i32 = 8;
export const CL_B: i32 = 12;
export const CL_C: i32 = 16;
export const CL_D: i32 = 20;
export const CL_VPEAK: i32 = 24;
// AdEx
export const CL_GL: i32 = 4;
export const CL_EL: i32 = 8;
export const CL_VT: i32 = 12;
export const CL_INVDT: i32 = 16;
export const CL_GLDT: i32 = 20;
export const CL_XMAX: i32 = 24;
export const CL_KDT: i32 = 28;
export const CL_WDT: i32 = 32;
export const CL_A: i32 = 36;
export const CL_JUMP: i32 = 40;
export const CL_APEAK: i32 = 44;
export const CL_VRESET: i32 = 48;
export const CL_REFRSTEPS: i32 = 52;

/** True for a population stepped here. */
export function isClassic(model: i32): bool {
  return model == MODEL_IZHIKEVICH || model == MODEL_ADEX;
}

/**
 * Steps 1, 2c and 4 of an Izhikevich population, four neurons per iteration (the same f32
 * operations in the same order as the scalar reference, lane by lane). Lanes past `size` in the
 * last group compute on padding and are zeroed afterwards, so they stay finite.
 */
function izhikevichStep(pd: usize, chans: usize, t: i32, table: usize): void {
  const size = load<i32>(pd + P_SIZE);
  const vp = load<usize>(pd + P_V);
  const list = load<usize>(pd + P_LIST);
  const cd = load<usize>(pd + P_SC);
  const wp = load<usize>(cd + CL_W);
  const nch = load<i32>(pd + P_NCH);
  const cl = load<usize>(pd + P_CHLIST);
  const ext = f32x4.splat(load<f32>(pd + P_EXT));
  const noiseStd = load<f32>(pd + P_NOISE);
  const noisy = noiseStd != 0;
  const sd = f32x4.splat(noiseStd);
  const key = noisy ? stepKey(load<u32>(pd + P_KEY), t) : 0;
  const dt = f32x4.splat(load<f32>(cd + CL_DT));
  const adt = f32x4.splat(load<f32>(cd + CL_ADT));
  const b = f32x4.splat(load<f32>(cd + CL_B));
  const vPeak = f32x4.splat(load<f32>(cd + CL_VPEAK));
  const k04 = f32x4.splat(0.04);
  const five = f32x4.splat(5);
  const c140 = f32x4.splat(140);
  let count = 0;
  for (let j = 0; j < size; j += 4) {
    const o = (<usize>j) << 2;
    let cur = ext;
    for (let c = 0; c < nch; c++) {
      const ch = chans + <usize>(load<i32>(cl + ((<usize>c) << 2)) * CHAN_BYTES);
      const p = load<usize>(ch + C_I) + o;
      const x = v128.load(p);
      cur = f32x4.add(cur, x);
      v128.store(p, f32x4.mul(x, f32x4.splat(load<f32>(ch + C_DECAY))));
    }
    const v = v128.load(vp + o);
    const u = v128.load(wp + o);
    let s = f32x4.add(f32x4.mul(k04, f32x4.mul(v, v)), f32x4.mul(five, v));
    s = f32x4.add(f32x4.sub(f32x4.add(s, c140), u), cur);
    let next = f32x4.add(v, f32x4.mul(dt, s));
    const un = f32x4.add(u, f32x4.mul(adt, f32x4.sub(f32x4.mul(b, v), u)));
    if (noisy) next = f32x4.add(next, f32x4.mul(sd, gaussian24x4(draw24x4(key, j), table)));
    v128.store(vp + o, next);
    v128.store(wp + o, un);
    let bits = i32x4.bitmask(f32x4.ge(next, vPeak));
    while (bits != 0) {
      const n = j + ctz(bits);
      if (n < size) {
        store<i32>(list + ((<usize>count) << 2), n);
        count++;
      }
      bits &= bits - 1;
    }
  }
  store<i32>(pd + P_COUNT, count);
  zeroPadding(vp, wp, size);
}

/** Padding lanes (up to the next multiple of 8) restart from 0 every step, so they stay finite. */
function zeroPadding(vp: usize, wp: usize, size: i32): void {
  for (let j = size; j < ((size + 7) & ~7); j++) {
    store<f32>(vp + ((<usize>j) << 2), 0);
    store<f32>(wp + ((<usize>j) << 2), 0);
  }
}

/** Steps 1, 2c or 2d and 4: integrates every neuron and writes the spike list and its count. */
export function classicStep(pd: usize, chans: usize, t: i32, table: usize): void {
  if (load<i32>(pd + P_MODEL) == MODEL_IZHIKEVICH) izhikevichStep(pd, chans, t, table);
  else adexStep(pd, chans, t, table);
}

/**
 * Steps 1, 2d and 4 of an AdEx population, four neurons per iteration. Held lanes (refractory
 * count > 0) still integrate w, keep their v (selected back) and cannot spike; every lane's
 * noise is drawn (draws are keyed by neuron, so nothing shifts) and used only where not held.
 */
function adexStep(pd: usize, chans: usize, t: i32, table: usize): void {
  const size = load<i32>(pd + P_SIZE);
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const list = load<usize>(pd + P_LIST);
  const cd = load<usize>(pd + P_SC);
  const wp = load<usize>(cd + CL_W);
  const nch = load<i32>(pd + P_NCH);
  const cl = load<usize>(pd + P_CHLIST);
  const ext = f32x4.splat(load<f32>(pd + P_EXT));
  const noiseStd = load<f32>(pd + P_NOISE);
  const noisy = noiseStd != 0;
  const sd = f32x4.splat(noiseStd);
  const key = noisy ? stepKey(load<u32>(pd + P_KEY), t) : 0;
  const gL = f32x4.splat(load<f32>(cd + CL_GL));
  const eL = f32x4.splat(load<f32>(cd + CL_EL));
  const vT = f32x4.splat(load<f32>(cd + CL_VT));
  const invDeltaT = f32x4.splat(load<f32>(cd + CL_INVDT));
  const gLDeltaT = f32x4.splat(load<f32>(cd + CL_GLDT));
  const xMax = f32x4.splat(load<f32>(cd + CL_XMAX));
  const kdt = f32x4.splat(load<f32>(cd + CL_KDT));
  const wdt = f32x4.splat(load<f32>(cd + CL_WDT));
  const a = f32x4.splat(load<f32>(cd + CL_A));
  const vPeak = f32x4.splat(load<f32>(cd + CL_APEAK));
  let count = 0;
  for (let j = 0; j < size; j += 4) {
    const o = (<usize>j) << 2;
    let cur = ext;
    for (let c = 0; c < nch; c++) {
      const ch = chans + <usize>(load<i32>(cl + ((<usize>c) << 2)) * CHAN_BYTES);
      const p = load<usize>(ch + C_I) + o;
      const x = v128.load(p);
      cur = f32x4.add(cur, x);
      v128.store(p, f32x4.mul(x, f32x4.splat(load<f32>(ch + C_DECAY))));
    }
    const v = v128.load(vp + o);
    const w = v128.load(wp + o);
    const dev = f32x4.sub(v, eL);
    v128.store(wp + o, f32x4.add(w, f32x4.mul(wdt, f32x4.sub(f32x4.mul(a, dev), w))));
    const r = v128.load(rp + o);
    const held = i32x4.gt_s(r, i32x4.splat(0));
    // held is -1 in held lanes: r + held counts them down.
    v128.store(rp + o, i32x4.add(r, held));
    const x = f32x4.min(f32x4.mul(f32x4.sub(v, vT), invDeltaT), xMax);
    let s = f32x4.sub(f32x4.mul(gLDeltaT, exp32x4(x)), f32x4.mul(gL, dev));
    s = f32x4.add(f32x4.sub(s, w), cur);
    let next = f32x4.add(v, f32x4.mul(kdt, s));
    if (noisy) next = f32x4.add(next, f32x4.mul(sd, gaussian24x4(draw24x4(key, j), table)));
    v128.store(vp + o, v128.bitselect(v, next, held));
    let bits = i32x4.bitmask(v128.andnot(f32x4.ge(next, vPeak), held));
    while (bits != 0) {
      const n = j + ctz(bits);
      if (n < size) {
        store<i32>(list + ((<usize>count) << 2), n);
        count++;
      }
      bits &= bits - 1;
    }
  }
  store<i32>(pd + P_COUNT, count);
  zeroPadding(vp, wp, size);
}

/** Step 6: Izhikevich `v = c, u = u + d`; AdEx `v = v_reset, w = w + b`, then held. */
export function classicReset(pd: usize): void {
  const list = load<usize>(pd + P_LIST);
  const count = load<i32>(pd + P_COUNT);
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const cd = load<usize>(pd + P_SC);
  const wp = load<usize>(cd + CL_W);
  const izh = load<i32>(pd + P_MODEL) == MODEL_IZHIKEVICH;
  const vReset = izh ? load<f32>(cd + CL_C) : load<f32>(cd + CL_VRESET);
  const jump = izh ? load<f32>(cd + CL_D) : load<f32>(cd + CL_JUMP);
  const hold = izh ? 0 : max(load<i32>(cd + CL_REFRSTEPS) - 1, 0);
  for (let k = 0; k < count; k++) {
    const o = (<usize>load<u32>(list + ((<usize>k) << 2))) << 2;
    store<f32>(vp + o, vReset);
    store<f32>(wp + o, load<f32>(wp + o) + jump);
    store<i32>(rp + o, hold);
  }
}

/** Step 7's scan of the adaptation variable: index of the first non-finite value, or -1. */
export function firstBadAdaptation(pd: usize): i32 {
  const size = load<i32>(pd + P_SIZE);
  const wp = load<usize>(load<usize>(pd + P_SC) + CL_W);
  for (let j = 0; j < size; j++) {
    const x = load<f32>(wp + ((<usize>j) << 2));
    if (x - x != 0) return j;
  }
  return -1;
}

/** The adaptation variable of neuron j (for the error report). */
export function adaptationAt(pd: usize, j: i32): f32 {
  return load<f32>(load<usize>(load<usize>(pd + P_SC) + CL_W) + ((<usize>j) << 2));
}
