/**
 * Step 2g of CONTEXT.md for one `nir_neuron` population, every float operation rounded to
 * float32 with `Math.fround` (the oracle the wasm kernel matches bit for bit): the input u
 * (bias, stimuli, the input channel written by step 5 of the previous step), the synaptic
 * current of the Cuba types, the membrane update, the strict threshold; the reset is step 6.
 */
import type { NirNeuronPlan } from '../../plan.ts';

const f = Math.fround;

export interface NirState {
  plan: NirNeuronPlan;
  v: Float32Array;
  /** S of the Cuba types; for the others the step's input u (what `i_syn` records). */
  s: Float32Array;
}

export function allocateNir(plan: NirNeuronPlan): NirState {
  return { plan, v: Float32Array.from(plan.vInit), s: new Float32Array(plan.vInit.length) };
}

/** Back to step 0: V = vInit, S = 0. */
export function resetNir(state: NirState): void {
  state.v.set(state.plan.vInit);
  state.s.fill(0);
}

/**
 * Steps 1, 2g and 4 for every neuron: `u = bias + ext`, then each channel is added and decays
 * (nothing reads it in between), the Cuba types filter u through S, V integrates, and the
 * neurons with `V > vThreshold` are written to `spikes` ascending. Returns their count, or
 * `-count - 1` when some new V or S is not finite (so the caller runs step 7's scan).
 *
 * @param ext the sum of the population's active stimuli at this step (float32, document order)
 */
export function integrateNir(
  state: NirState,
  ext: number,
  channels: readonly Float32Array[],
  decays: readonly number[],
  spikes: Uint32Array,
): number {
  const { v, s, plan } = state;
  const { leak, gain, vLeak, vThreshold, bias, synDecay, synGain, cuba } = plan;
  let count = 0;
  let finite = true;
  for (let j = 0; j < v.length; j++) {
    let u = f((bias[j] as number) + ext);
    for (let c = 0; c < channels.length; c++) {
      const ic = channels[c] as Float32Array;
      const i = ic[j] as number;
      u = f(u + i);
      ic[j] = f(i * (decays[c] as number));
    }
    if (cuba) {
      const syn = f((s[j] as number) * (synDecay[j] as number));
      u = f(syn + f((synGain[j] as number) * u));
    }
    s[j] = u;
    const vj = v[j] as number;
    const a = f(vj - (vLeak[j] as number));
    const b = f(a * (leak[j] as number));
    const c = f(vj - b);
    const d = f((gain[j] as number) * u);
    const next = f(c + d);
    v[j] = next;
    // x - x is 0 for every finite x and NaN for NaN and +-Infinity.
    if (next - next !== 0 || u - u !== 0) finite = false;
    if (next > (vThreshold[j] as number)) spikes[count++] = j;
  }
  return finite ? count : -count - 1;
}

/** Step 6: spiking neurons go to their vReset (no refractory period). */
export function resetNirSpikers(state: NirState, spikes: Uint32Array, count: number): void {
  const { vReset } = state.plan;
  for (let k = 0; k < count; k++) {
    const j = spikes[k] as number;
    state.v[j] = vReset[j] as number;
  }
}
