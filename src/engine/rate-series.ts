/**
 * A Poisson population's threshold at step t when its rate follows a series (`PoissonPlan.
 * series`, CONTEXT.md step 3): the same function on every backend's host side, so every
 * backend draws exactly as a constant-rate Poisson at each step's rate.
 */
import type { PoissonPlan } from './plan.ts';

/**
 * `threshold24` at step t: the series' last change at or before t, else the constant one.
 *
 * @example poissonThresholdAt({ threshold24: 0, series: { steps: [5], thresholds: [99] }, ... }, 7) // 99
 */
export function poissonThresholdAt(plan: PoissonPlan, t: number): number {
  const series = plan.series;
  if (series === undefined) return plan.threshold24;
  // Binary search for the last k with steps[k] <= t.
  let lo = 0;
  let hi = series.steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((series.steps[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? plan.threshold24 : (series.thresholds[lo - 1] ?? 0);
}

/**
 * The first step after t at which the threshold changes (or `Infinity`), so a backend that
 * keeps the threshold on the device writes it only then.
 */
export function nextThresholdChange(plan: PoissonPlan, t: number): number {
  const steps = plan.series?.steps;
  if (steps === undefined) return Infinity;
  for (const s of steps) if (s > t) return s;
  return Infinity;
}
