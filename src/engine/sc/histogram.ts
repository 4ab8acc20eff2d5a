/** A `numpy.histogram` equivalent for the recorder's ISI histograms (and the page's plots). */

/** Counts and edges as `numpy.histogram` returns them (`edges.length === counts.length + 1`). */
export interface Histogram {
  counts: number[];
  edges: number[];
}

/**
 * `numpy.histogram(values, bins)`: equal-width bins from min to max (or min - 0.5 to max + 0.5
 * when they coincide, 0 to 1 when empty), half-open except the last, which includes max.
 */
export function histogram(values: readonly number[], bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be >= 1, got ${bins}`);
  let lo = 0;
  let hi = 1;
  if (values.length > 0) {
    lo = Math.min(...values);
    hi = Math.max(...values);
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
  }
  // numpy.linspace: start + i * step, with the last edge exactly `hi`.
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * step));
  const counts = new Array<number>(bins).fill(0);
  const norm = bins / (hi - lo);
  for (const x of values) {
    let i = Math.floor((x - lo) * norm);
    if (i === bins) i--;
    // numpy's correction for values that rounding put one bin off.
    if (x < (edges[i] as number)) i--;
    else if (i !== bins - 1 && x >= (edges[i + 1] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  return { counts, edges };
}
