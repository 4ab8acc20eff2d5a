/** Step 2's figure: the AND estimate after each number of bits counted, settling on x w. */
import type { Trace } from '../../plots/plotly.ts';
import { COLORS } from './colors.ts';
import { twoSigma } from './and-gate.ts';

/**
 * The running estimate, the exact product, and the band where 95% of random (Bernoulli)
 * streams' estimates fall after n bits: the yardstick the other generators are held against.
 */
export function convergenceTraces(
  counts: readonly number[],
  estimate: readonly number[],
  exact: number,
): Trace[] {
  const upper = counts.map((n) => Math.min(1, exact + twoSigma(exact, n)));
  const lower = counts.map((n) => Math.max(0, exact - twoSigma(exact, n)));
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'random-stream 95% band',
      x: [...counts],
      y: lower,
      line: { width: 0 },
      hoverinfo: 'skip',
      showlegend: false,
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'random-stream 95% band',
      x: [...counts],
      y: upper,
      fill: 'tonexty',
      fillcolor: 'rgba(131, 145, 167, 0.18)',
      line: { width: 0 },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'exact x·w',
      x: [counts[0] ?? 1, counts[counts.length - 1] ?? 1],
      y: [exact, exact],
      line: { color: COLORS.exact, width: 1.5, dash: 'dash' },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'estimate after n bits',
      x: [...counts],
      y: [...estimate],
      line: { color: COLORS.product, width: 2 },
    },
  ];
}
