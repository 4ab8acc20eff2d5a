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

/**
 * Step 1, `I = ext + I_c[j]` over the population's channels in order, fused with step 4 (the
 * decay of those channels): nothing reads a channel between the two, so each value is the same
 * as with two passes, and the current is read once.
 */
export function gatherAndDecay(
  lif: Pick<LifState, 'current'>,
  ext: number,
  channels: readonly Float32Array[],
  decays: readonly number[],
): void {
  const cur = lif.current;
  cur.fill(ext);
  for (let c = 0; c < channels.length; c++) {
    const ic = channels[c] as Float32Array;
    const decay = decays[c] as number;
    for (let j = 0; j < cur.length; j++) {
      const i = ic[j] as number;
      cur[j] = f((cur[j] as number) + i);
      ic[j] = f(i * decay);
    }
  }
}

/**
 * Step 2: integrate every neuron that is not held and write the ones reaching threshold to
 * `spikes` in ascending order. Returns how many spiked, negated (minus one) if some new V is
 * not finite, so the caller knows to run the full check of step 7.
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
  let finite = true;
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
    // x - x is 0 for every finite x and NaN for NaN and +-Infinity.
    if (next - next !== 0) finite = false;
    if (next >= vThreshold) spikes[count++] = j;
  }
  return finite ? count : -count - 1;
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
