/**
 * Which recorded spikes the 3D view has not shown yet. The run record keeps a sliding window
 * of each population's spikes in step order; the view remembers the step it has read up to and
 * takes the spikes from there on every record change.
 */
import type { SpikeSeries } from '../../store/session/series.ts';

/** The range `[start, end)` of `series` holding spikes at or after `fromStep`. */
export function newSpikeRange(
  series: Pick<SpikeSeries, 'length' | 'firstAtOrAfter'>,
  fromStep: number,
): { start: number; end: number } {
  return { start: series.firstAtOrAfter(fromStep), end: series.length };
}
