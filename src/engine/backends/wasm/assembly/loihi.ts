// Step 5c of CONTEXT.md for `loihi` populations, bit-exact with the reference: the host bounds
// every target's incoming weights so the f32 input sums of step 5 are exact (multiples of 64
// below 2^30), and v, I, I sampled are integers below 2^24 stored as f32 (exact); the update
// itself runs on i32 with the decay products in i64.
import {
  H_ERRNEURON,
  H_ERRPOP,
  H_ERRVALUE,
  H_ERRVAR,
  P_COUNT,
  P_HELD,
  P_LEAK,
  P_LIST,
  P_RDT,
  P_REFR,
  P_REFRSTEPS,
  P_SAVED,
  P_SCRATCH,
  P_SIZE,
  P_V,
  P_VTH,
} from './layout';

/** Model code of a Loihi population (host: `MODEL_LOIHI` in loihi-image.ts). */
export const MODEL_LOIHI: i32 = 16;
// A Loihi population reuses LIF descriptor slots it has no other use for (host: loihi-image.ts).
/** f32 current I (state). */
export const L_I: i32 = P_SAVED;
/** f32 I after the step's input, before decay: what `i_syn` records (state). */
export const L_ISAMPLED: i32 = P_HELD;
/** f32 synaptic input of the step, where step 5 delivers (state, zero between steps). */
export const L_INPUT: i32 = P_SCRATCH;
/** i32 threshold_v_mant * 2^6. */
export const L_THRESHOLD: i32 = P_VTH;
/** i32 decay_v and decay_I. */
export const L_DECAYV: i32 = P_LEAK;
export const L_DECAYI: i32 = P_RDT;
/** i32 refractory period, steps. */
export const L_REFRACTORY: i32 = P_REFRSTEPS;
/** H_ERRVAR codes of a Loihi overflow; the value is stored as i32. */
export const ERR_LOIHI_V: i32 = -2;
export const ERR_LOIHI_I: i32 = -3;

const LIMIT: i32 = 1 << 24;

/** `sign(x) * ceil(|x| * d / 4096)` for |x| < 2^24, d <= 4096 (product below 2^36). */
function decayStep(x: i32, d: i32): i32 {
  const m = <i64>abs<i32>(x) * <i64>d;
  const c = <i32>((m + 4095) >> 12);
  return x < 0 ? -c : c;
}

function overflow(hdr: usize, p: i32, j: i32, variable: i32, x: i32): bool {
  store<i32>(hdr + H_ERRPOP, p);
  store<i32>(hdr + H_ERRNEURON, j);
  store<i32>(hdr + H_ERRVAR, variable);
  store<i32>(hdr + H_ERRVALUE, x);
  return false;
}

/**
 * Population p (descriptor pd) at step t: I += input, sample I, decay I; integrate v unless
 * held, threshold, reset; the spikers go to the spike list ascending. Returns false after
 * filling H_ERR* when |I| or |v| reaches 2^24 (the reference's NumericalError).
 */
export function loihiStep(hdr: usize, p: i32, pd: usize, t: i32): bool {
  const size = load<i32>(pd + P_SIZE);
  const vp = load<usize>(pd + P_V);
  const rp = load<usize>(pd + P_REFR);
  const ip = load<usize>(pd + L_I);
  const sp = load<usize>(pd + L_ISAMPLED);
  const inp = load<usize>(pd + L_INPUT);
  const threshold = load<i32>(pd + L_THRESHOLD);
  const decayV = load<i32>(pd + L_DECAYV);
  const decayI = load<i32>(pd + L_DECAYI);
  const refractory = load<i32>(pd + L_REFRACTORY);
  const list = load<usize>(pd + P_LIST);
  let count = 0;
  for (let j = 0; j < size; j++) {
    const o = (<usize>j) << 2;
    const i0 = <i32>load<f32>(ip + o) + <i32>load<f32>(inp + o);
    store<f32>(inp + o, 0);
    if (abs<i32>(i0) >= LIMIT) return overflow(hdr, p, j, ERR_LOIHI_I, i0);
    store<f32>(sp + o, <f32>i0);
    store<f32>(ip + o, <f32>(i0 - decayStep(i0, decayI)));
    const r = load<i32>(rp + o);
    if (r > 0) {
      store<i32>(rp + o, r - 1);
      continue;
    }
    const v0 = <i32>load<f32>(vp + o);
    const v1 = v0 - decayStep(v0, decayV) + i0;
    if (abs<i32>(v1) >= LIMIT) return overflow(hdr, p, j, ERR_LOIHI_V, v1);
    if (v1 > threshold) {
      store<u32>(list + ((<usize>count) << 2), <u32>j);
      count++;
      store<f32>(vp + o, 0);
      store<i32>(rp + o, refractory - 1);
    } else {
      store<f32>(vp + o, <f32>v1);
    }
  }
  store<i32>(pd + P_COUNT, count);
  return true;
}
