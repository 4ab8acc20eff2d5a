/**
 * The user's own time series compiled to steps (CONTEXT.md step 1 and step 3). A sample at
 * `time` ms starts at step `round(time/dt)`; a sample whose step the next sample also starts
 * at never acts (the later one wins).
 */
import type { PoissonParams } from '../../model/document.ts';

/** One current step of a population's plan (`PopulationPlan.stimuli`). */
export interface StimulusSegment {
  startStep: number;
  stopStep: number;
  amplitude: number;
}

/**
 * A `current_series` as the current steps it is made of: value k over
 * [round(times[k]/dt), round(times[k+1]/dt)), the last until `totalSteps`. Zero values are left
 * out (adding 0 changes no float32 sum) and equal neighbours merged, so every backend's step 1
 * needs nothing new.
 *
 * @example seriesSegments([0, 1, 2], [5, 5, 0], 0.5, 10, Math.fround)
 * // [{ startStep: 0, stopStep: 4, amplitude: 5 }]
 * @param amplitude how a value becomes the plan's amplitude (fround, or q() for fixed point)
 */
export function seriesSegments(
  times: readonly number[],
  values: readonly number[],
  dt: number,
  totalSteps: number,
  amplitude: (value: number) => number,
): StimulusSegment[] {
  const out: StimulusSegment[] = [];
  for (let k = 0; k < times.length; k++) {
    const startStep = Math.round((times[k] ?? 0) / dt);
    const next = times[k + 1];
    const stopStep = Math.min(totalSteps, next === undefined ? totalSteps : Math.round(next / dt));
    const a = amplitude(values[k] ?? 0);
    if (startStep >= stopStep || a === 0) continue;
    const last = out[out.length - 1];
    if (last && last.stopStep === startStep && Object.is(last.amplitude, a))
      last.stopStep = stopStep;
    else out.push({ startStep, stopStep, amplitude: a });
  }
  return out;
}

/** `min(2^24, round(rate*dt/1000 * 2^24))`: a Poisson source's per-step threshold (step 3). */
export function poissonThreshold24(rate: number, dt: number): number {
  return Math.min(2 ** 24, Math.max(0, Math.round(((rate * dt) / 1000) * 2 ** 24)));
}

/**
 * A `rate_series` as threshold changes: from `steps[k]` on, the threshold is `thresholds[k]`.
 * Steps strictly increase (a later sample in the same step replaces an earlier one).
 *
 * @example rateSeriesPlan({ times: [0, 10], rates: [100, 0] }, 1)
 * // { steps: Int32Array [0, 10], thresholds: Int32Array [1677722, 0] }
 */
export function rateSeriesPlan(
  series: NonNullable<PoissonParams['rate_series']>,
  dt: number,
): { steps: Int32Array; thresholds: Int32Array } {
  const steps: number[] = [];
  const thresholds: number[] = [];
  series.times.forEach((time, k) => {
    const step = Math.round(time / dt);
    const threshold = poissonThreshold24(series.rates[k] ?? 0, dt);
    if (steps.length > 0 && steps[steps.length - 1] === step)
      thresholds[thresholds.length - 1] = threshold;
    else {
      steps.push(step);
      thresholds.push(threshold);
    }
  });
  return { steps: Int32Array.from(steps), thresholds: Int32Array.from(thresholds) };
}
