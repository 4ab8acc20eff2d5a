// Steps 1, 2g, 4 and 6 of CONTEXT.md for a `nir_neuron` population, bit-exact with the
// reference (backends/reference/nir-step.ts): the same f32 operations in the same order, neuron
// by neuron. V sits at P_V; S (the synaptic current of the Cuba types, the step's input u of the
// others: what `i_syn` records) and the per-neuron constants are addressed through the
// descriptor at P_SC (host: nir-image.ts). The reset is done at once: nothing reads V of such a
// population between its integration and step 6 (its projections deliver into its channel).
import {
  CHAN_BYTES,
  C_DECAY,
  C_I,
  P_CHLIST,
  P_COUNT,
  P_EXT,
  P_LIST,
  P_NCH,
  P_SC,
  P_SIZE,
  P_V,
} from './layout';

/** Model code (host: `MODEL_NIR` in nir-image.ts). */
export const MODEL_NIR: i32 = 48;
/** H_ERRVAR code of a non-finite S (or u): the host names it `i_syn`. */
export const ERR_NIR_S: i32 = -7;

// Descriptor at P_SC.
/** Address of S (f32 per neuron, state). */
export const NR_S: i32 = 0;
/** Address of the constants: NK_* arrays of `stride` bytes each. */
export const NR_CONST: i32 = 4;
/** Bytes per constant array (4 * padded size). */
export const NR_STRIDE: i32 = 8;
/** 1 for CubaLIF and CubaLI. */
export const NR_CUBA: i32 = 12;

// Constant arrays, in stride units from NR_CONST (NirNeuronPlan's, in this order).
const NK_BIAS: i32 = 0;
const NK_LEAK: i32 = 1;
const NK_GAIN: i32 = 2;
const NK_VLEAK: i32 = 3;
const NK_VTH: i32 = 4;
const NK_VRESET: i32 = 5;
const NK_SYNDECAY: i32 = 6;
const NK_SYNGAIN: i32 = 7;

/** S of neuron j (what an `i_syn` probe records). */
export function nirS(pd: usize, j: i32): f32 {
  return load<f32>(load<usize>(load<usize>(pd + P_SC) + NR_S) + ((<usize>j) << 2));
}

/** Index of the first neuron whose S is not finite, or -1. */
export function firstBadNirS(pd: usize): i32 {
  const sp = load<usize>(load<usize>(pd + P_SC) + NR_S);
  const size = load<i32>(pd + P_SIZE);
  for (let j = 0; j < size; j++) {
    const x = load<f32>(sp + ((<usize>j) << 2));
    if (x - x != 0) return j;
  }
  return -1;
}

/**
 * Every neuron: `u = bias + ext`, each channel added then decayed, `S = S * synDecay + synGain
 * * u; u = S` (Cuba types; else S = u), `V = (V - (V - vLeak) * leak) + gain * u`, a spike when
 * `V > vThreshold` (then V = vReset). Spikes go to the list, ascending.
 */
export function nirStep(pd: usize, chans: usize): void {
  const size = load<i32>(pd + P_SIZE);
  const vp = load<usize>(pd + P_V);
  const list = load<usize>(pd + P_LIST);
  const nch = load<i32>(pd + P_NCH);
  const cl = load<usize>(pd + P_CHLIST);
  const nd = load<usize>(pd + P_SC);
  const sp = load<usize>(nd + NR_S);
  const kc = load<usize>(nd + NR_CONST);
  const stride = <usize>load<i32>(nd + NR_STRIDE);
  const cuba = load<i32>(nd + NR_CUBA) != 0;
  const ext = load<f32>(pd + P_EXT);
  let count = 0;
  for (let j = 0; j < size; j++) {
    const o = (<usize>j) << 2;
    let u: f32 = load<f32>(kc + <usize>NK_BIAS * stride + o) + ext;
    for (let c = 0; c < nch; c++) {
      const cd = chans + <usize>(load<i32>(cl + ((<usize>c) << 2)) * CHAN_BYTES);
      const ip = load<usize>(cd + C_I) + o;
      const i = load<f32>(ip);
      u = u + i;
      store<f32>(ip, i * load<f32>(cd + C_DECAY));
    }
    if (cuba) {
      const syn = load<f32>(sp + o) * load<f32>(kc + <usize>NK_SYNDECAY * stride + o);
      u = syn + load<f32>(kc + <usize>NK_SYNGAIN * stride + o) * u;
    }
    store<f32>(sp + o, u);
    const v = load<f32>(vp + o);
    const a = v - load<f32>(kc + <usize>NK_VLEAK * stride + o);
    const b = a * load<f32>(kc + <usize>NK_LEAK * stride + o);
    const cc = v - b;
    const d = load<f32>(kc + <usize>NK_GAIN * stride + o) * u;
    const next: f32 = cc + d;
    if (next > load<f32>(kc + <usize>NK_VTH * stride + o)) {
      store<f32>(vp + o, load<f32>(kc + <usize>NK_VRESET * stride + o));
      store<u32>(list + ((<usize>count) << 2), <u32>j);
      count++;
    } else {
      store<f32>(vp + o, next);
    }
  }
  store<i32>(pd + P_COUNT, count);
}
