/** Step 3 of CONTEXT.md: spikes of Poisson sources and spike generators. */
import type { PoissonPlan, SpikeGeneratorPlan } from '../../plan.ts';
import { draw24, stepKey } from '../../random.ts';
import { poissonThresholdAt } from '../../rate-series.ts';

/** Poisson sources firing at step t, ascending, written to `spikes`; returns the count. */
export function poissonSpikes(
  plan: PoissonPlan,
  size: number,
  t: number,
  spikes: Uint32Array,
): number {
  const key = stepKey(plan.key, t);
  const threshold = poissonThresholdAt(plan, t);
  let count = 0;
  for (let j = 0; j < size; j++) if (draw24(key, j) < threshold) spikes[count++] = j;
  return count;
}

/** The generator's neurons listed for step t (t mod period when periodic); returns the count. */
export function generatorSpikes(plan: SpikeGeneratorPlan, t: number, spikes: Uint32Array): number {
  const s = plan.periodSteps > 0 ? t % plan.periodSteps : t;
  if (s + 1 >= plan.stepPtr.length) return 0;
  const from = plan.stepPtr[s] ?? 0;
  const to = plan.stepPtr[s + 1] ?? 0;
  spikes.set(plan.indices.subarray(from, to));
  return to - from;
}
