// Steps 1, 2f, 4 and 6 of CONTEXT.md for a `fixed_point_lif` population, neuron by neuron in
// i64, exactly as `fixedLifStep`, `fixedDecay` and `saturate` of
// src/engine/fixed-point/fixed-lif-step.ts (the reference's and the Verilog core's definition).
// V and the channel currents are integers kept in the usual f32 arrays (exact: |x| < 2^23 for
// W <= 24); the constants are i32 in the population descriptor's LIF slots (FX_* below) and
// `>>` on i64 is arithmetic, the floor the contract asks for.
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
  P_NOISE,
  P_RDT,
  P_REFR,
  P_REFRSTEPS,
  P_SC,
  P_SIZE,
  P_V,
  P_VREST,
  P_VRESET,
  P_VTH,
  P_NCH,
  S_ISC,
} from './layout';
import { scCurrent } from './sc-dense';

/** Model code (host: `MODEL.fixedLif` in ../layout.ts). */
export const MODEL_FIXED_LIF: i32 = 40;
/** The LIF's descriptor slots, holding i32 here: W and S (noise and key are unused). */
export const FX_BITS: i32 = P_NOISE;
export const FX_SCALE: i32 = P_KEY;
/** leak and gain in units of 2^-S. */
export const FX_LEAK: i32 = P_LEAK;
export const FX_GAIN: i32 = P_RDT;

/** The W-bit saturating register (`saturate`); asc -O3 inlines it. */
function clamp(x: i64, lo: i64, hi: i64): i64 {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Every neuron: `I = sat(ext + sum_c I_c[j])`, each channel then decays (`I_c * decay >> S`,
 * its decay an integer in C_DECAY), and the neuron is held or integrates, thresholds and
 * resets at once (nothing reads its V before step 6). Spikes go to the list, ascending. An SC
 * layer in fixed point (P_SC set; step 1b integer) adds its SC current of step t to ext: the
 * table holds integers in f32 (exact below 2^24), so the count is the float layer's `scCurrent`.
 */
export function fixedLifStep(pd: usize, chans: usize, t: i32): void {
  const size = load<i32>(pd + P_SIZE);
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const list = load<usize>(pd + P_LIST);
  const nch = load<i32>(pd + P_NCH);
  const cl = load<usize>(pd + P_CHLIST);
  const bits = load<i32>(pd + FX_BITS);
  const s = <i64>load<i32>(pd + FX_SCALE);
  const hi: i64 = ((<i64>1) << (bits - 1)) - 1;
  const lo: i64 = -hi - 1;
  const leak = <i64>load<i32>(pd + FX_LEAK);
  const gain = <i64>load<i32>(pd + FX_GAIN);
  const vRest = <i64>load<i32>(pd + P_VREST);
  const vTh = <i64>load<i32>(pd + P_VTH);
  const vReset = <f32>load<i32>(pd + P_VRESET);
  const hold = max(load<i32>(pd + P_REFRSTEPS) - 1, 0);
  let ext = <i64>load<i32>(pd + P_EXT);
  if (load<usize>(pd + P_SC) != 0) ext += <i64>scCurrent(pd, t);
  let count = 0;
  for (let j = 0; j < size; j++) {
    const o = (<usize>j) << 2;
    let input = ext;
    for (let c = 0; c < nch; c++) {
      const cd = chans + <usize>(load<i32>(cl + ((<usize>c) << 2)) * CHAN_BYTES);
      const ip = load<usize>(cd + C_I) + o;
      const i = <i64>load<f32>(ip);
      input += i;
      store<f32>(ip, <f32>((i * <i64>load<i32>(cd + C_DECAY)) >> s));
    }
    const r = load<i32>(rp + o);
    if (r > 0) {
      store<i32>(rp + o, r - 1);
      continue;
    }
    const v = <i64>load<f32>(vp + o);
    const leakTerm = ((v - vRest) * leak) >> s;
    const inputTerm = (clamp(input, lo, hi) * gain) >> s;
    const next = clamp(v - leakTerm + inputTerm, lo, hi);
    if (next >= vTh) {
      store<f32>(vp + o, vReset);
      store<i32>(rp + o, hold);
      store<u32>(list + ((<usize>count) << 2), <u32>j);
      count++;
    } else {
      store<f32>(vp + o, <f32>next);
    }
  }
  store<i32>(pd + P_COUNT, count);
}

/**
 * Step 8: a fixed-point population's i_syn, the exact integer sum of its channels; for an SC
 * layer in fixed point its SC current of the step.
 */
export function fixedLifCurrent(pd: usize, chans: usize, j: i32): f32 {
  const sd = load<usize>(pd + P_SC);
  if (sd != 0) return load<f32>(sd + S_ISC);
  const nch = load<i32>(pd + P_NCH);
  const cl = load<usize>(pd + P_CHLIST);
  let sum: i64 = 0;
  for (let c = 0; c < nch; c++) {
    const cd = chans + <usize>(load<i32>(cl + ((<usize>c) << 2)) * CHAN_BYTES);
    sum += <i64>load<f32>(load<usize>(cd + C_I) + ((<usize>j) << 2));
  }
  return <f32>sum;
}
