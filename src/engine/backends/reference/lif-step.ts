/**
 * Steps 1, 2 and 6 of CONTEXT.md for one `stochastic_lif` population, every float operation
 * rounded to float32 with `Math.fround` (this is the oracle the other backends match bit for bit).
 */
import type { PopulationPlan } from '../../plan.ts';
import { draw24, gaussianFromBits, stepKey } from '../../random.ts';
import type { LifState } from './state.ts';

const f = Math.fround;

/** Step 1: `ext` (bias plus the active stimuli, in document order) for step t. */
export function externalCurrent(population: PopulationPlan, bias: number, t: number): number {
  let ext = bias;
  for (const s of population.stimuli) {
    if (s.startStep <= t && t < s.stopStep) ext = f(ext + s.amplitude);
  }
  return ext;
}

/** Step 1: `I = ext + I_c[j]` summed over the population's channels in order. */
export function gatherCurrent(lif: LifState, ext: number, channels: readonly Float32Array[]): void {
  const cur = lif.current;
  cur.fill(ext);
  for (const ic of channels) {
    for (let j = 0; j < cur.length; j++) cur[j] = f((cur[j] as number) + (ic[j] as number));
  }
}

/**
 * Step 2: integrate every neuron that is not held and write the ones reaching threshold to
 * `spikes` in ascending order. Returns how many spiked.
 */
export function integrateLif(
  lif: LifState,
  t: number,
  gaussTable: Float32Array,
  spikes: Uint32Array,
): number {
  const { v, refr, current } = lif;
  const { vRest, leak, rdt, noiseStd, vThreshold, noiseKey } = lif.plan;
  const noisy = noiseStd !== 0;
  const key = noisy ? stepKey(noiseKey, t) : 0;
  let count = 0;
  for (let j = 0; j < v.length; j++) {
    const r = refr[j] as number;
    if (r > 0) {
      refr[j] = r - 1;
      continue;
    }
    const vj = v[j] as number;
    const a = f(vj - vRest);
    const b = f(a * leak);
    const c = f(vj - b);
    const d = f(rdt * (current[j] as number));
    let next = f(c + d);
    if (noisy) next = f(next + f(noiseStd * gaussianFromBits(draw24(key, j), gaussTable)));
    v[j] = next;
    if (next >= vThreshold) spikes[count++] = j;
  }
  return count;
}

/** Step 6: spiking neurons go to `vReset` and stay held for `refractorySteps - 1` more steps. */
export function resetLif(lif: LifState, spikes: Uint32Array, count: number): void {
  const { vReset, refractorySteps } = lif.plan;
  const hold = Math.max(refractorySteps - 1, 0);
  for (let k = 0; k < count; k++) {
    const j = spikes[k] as number;
    lif.v[j] = vReset;
    lif.refr[j] = hold;
  }
}
