/** Compiled spike sources: Poisson thresholds and spike-generator schedules. */
import type { PoissonParams, SpikeGeneratorParams } from '../../model/document.ts';
import type { PoissonPlan, SpikeGeneratorPlan } from '../plan.ts';
import { STREAM, streamKey } from '../random.ts';
import { poissonThreshold24, rateSeriesPlan } from './series-plan.ts';

/**
 * A Poisson source fires when `draw24 < threshold24`, i.e. with probability rate*dt/1000 per
 * step (rounded to 24 bits, capped at one spike per step).
 *
 * @example compilePoisson({ rate: 10 }, 0.1, 42, 2).threshold24 // round(0.001 * 2^24) = 16777
 */
export function compilePoisson(
  params: PoissonParams,
  dt: number,
  seed: number,
  populationIndex: number,
): PoissonPlan {
  const threshold24 = poissonThreshold24(params.rate, dt);
  const key = streamKey(seed, populationIndex, STREAM.poisson);
  if (params.rate_series === undefined) return { model: 'poisson', threshold24, key };
  return { model: 'poisson', threshold24, key, series: rateSeriesPlan(params.rate_series, dt) };
}

/**
 * The spike list of a generator as CSR by step. Times become steps with `Math.round(time/dt)`;
 * a neuron listed twice in one step fires once; indices outside the population and steps outside
 * the schedule (negative, past one period, or past the run when not periodic) are dropped. Played
 * once, `stepPtr` ends at the last scheduled step (no spikes after it).
 *
 * @example compileSpikeGenerator({ indices: [0, 1], times: [0, 0.1], period: 0 }, 2, 0.1, 3)
 *   // stepPtr [0,1,2], indices [0,1], periodSteps 0
 */
export function compileSpikeGenerator(
  params: SpikeGeneratorParams,
  size: number,
  dt: number,
  totalSteps: number,
): SpikeGeneratorPlan {
  const periodSteps = params.period > 0 ? Math.max(1, Math.round(params.period / dt)) : 0;
  const span = periodSteps > 0 ? periodSteps : totalSteps;
  const events: [number, number][] = [];
  const n = Math.min(params.indices.length, params.times.length);
  for (let k = 0; k < n; k++) {
    const index = params.indices[k] ?? -1;
    const step = Math.round((params.times[k] ?? 0) / dt);
    if (step >= 0 && step < span && Number.isInteger(index) && index >= 0 && index < size) {
      events.push([step, index]);
    }
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Played once, the schedule ends at its last spike rather than at the end of the run: a long
  // run would otherwise pay 4 bytes per step for nothing.
  const steps = periodSteps > 0 ? periodSteps : (events[events.length - 1]?.[0] ?? -1) + 1;
  const stepPtr = new Uint32Array(steps + 1);
  const indices: number[] = [];
  let last: [number, number] | undefined;
  for (const e of events) {
    if (last && last[0] === e[0] && last[1] === e[1]) continue;
    indices.push(e[1]);
    stepPtr[e[0] + 1] = (stepPtr[e[0] + 1] ?? 0) + 1;
    last = e;
  }
  for (let s = 0; s < steps; s++) stepPtr[s + 1] = (stepPtr[s + 1] ?? 0) + (stepPtr[s] ?? 0);
  return { model: 'spike_generator', stepPtr, indices: Uint32Array.from(indices), periodSteps };
}
