/**
 * Population rate from spike counts: spikes per neuron per second in bins of `binMs`, the
 * form both the rate plot and the export use.
 */

export interface BinnedRate {
  /** Start of each bin, ms. */
  t: number[];
  /** Mean rate per neuron in the bin, Hz. */
  hz: number[];
}

/**
 * Bins per-step counts of `size` neurons over steps [fromStep, toStep).
 *
 * @example binRates(counts, 0, 100, 0.1, 5, 4000) // 2 bins of 5 ms
 */
export function binRates(
  counts: ArrayLike<number>,
  fromStep: number,
  toStep: number,
  dt: number,
  binMs: number,
  size: number,
): BinnedRate {
  const binSteps = Math.max(1, Math.round(binMs / dt));
  const first = Math.floor(fromStep / binSteps) * binSteps;
  const t: number[] = [];
  const hz: number[] = [];
  for (let start = first; start < toStep; start += binSteps) {
    const end = Math.min(start + binSteps, toStep);
    // A partial bin at the end would read as a dip; only full bins are reported.
    if (end - start < binSteps) break;
    let sum = 0;
    for (let s = Math.max(start, fromStep); s < end; s++) sum += counts[s] ?? 0;
    t.push(roundMs(start * dt));
    hz.push((sum / Math.max(1, size) / (binSteps * dt)) * 1000);
  }
  return { t, hz };
}

/** Counts spikes per step from a step column, for populations without a rate probe. */
export function countSteps(
  steps: Int32Array,
  from: number,
  to: number,
  firstStep: number,
  lastStep: number,
): Uint32Array {
  const counts = new Uint32Array(Math.max(0, lastStep - firstStep));
  for (let k = from; k < to; k++) {
    const s = (steps[k] ?? 0) - firstStep;
    if (s >= 0 && s < counts.length) counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

/** Milliseconds without float noise (0.30000000000000004 -> 0.3). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1e6) / 1e6;
}
