/** Plotly figures of one neuron: its membrane trace (step 1) and its f-I curve (step 7). */
import type { Trace } from '../../plots/plotly.ts';
import { COLORS } from './colors.ts';
import type { Histogram } from '../../../engine/sc/index.ts';
import { LIF_FIXED, type LifRun } from './lif-run.ts';

/** V over time, the threshold, and a mark above the threshold at each spike. */
export function membraneTraces(run: LifRun): Trace[] {
  const t = Array.from(run.v, (_, k) => (k + 1) * LIF_FIXED.dtMs);
  const spikeT: number[] = [];
  run.spikes.forEach((s, k) => {
    if (s) spikeT.push((k + 1) * LIF_FIXED.dtMs);
  });
  const end = t[t.length - 1] ?? 0;
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'membrane V',
      x: t,
      y: Array.from(run.v),
      line: { color: COLORS.membrane, width: 1.6 },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'threshold',
      x: [0, end],
      y: [LIF_FIXED.vThreshold, LIF_FIXED.vThreshold],
      line: { color: COLORS.theory, width: 1, dash: 'dash' },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'spike',
      x: spikeT,
      y: spikeT.map(() => LIF_FIXED.vThreshold * 1.12),
      marker: { color: COLORS.spike, symbol: 'triangle-down', size: 9 },
    },
  ];
}

/** A set of (current, rate) points. */
export interface RateCurve {
  currents: readonly number[];
  rates: readonly number[];
}

/** Predicted rates as a line, measured rates as markers, and the chosen current ringed. */
export function fiTraces(
  predicted: RateCurve,
  measured: RateCurve,
  chosen: { current: number; measured: number },
): Trace[] {
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'predicted (formula)',
      x: [...predicted.currents],
      y: [...predicted.rates],
      line: { color: COLORS.exact, width: 2 },
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'measured (simulation)',
      x: [...measured.currents],
      y: [...measured.rates],
      marker: { color: COLORS.membrane, size: 6 },
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'your current',
      x: [chosen.current],
      y: [chosen.measured],
      marker: { color: COLORS.spike, size: 13, symbol: 'circle-open', line: { width: 2.5 } },
    },
  ];
}

/** The ISI histogram as bars, and the predicted interval as a dashed line (when it fires). */
export function isiTraces(h: Histogram, predictedMs: number): Trace[] {
  const centers = h.counts.map((_, i) => ((h.edges[i] ?? 0) + (h.edges[i + 1] ?? 0)) / 2);
  const width = (h.edges[1] ?? 1) - (h.edges[0] ?? 0);
  const top = Math.max(1, ...h.counts);
  const bars: Trace = {
    type: 'bar',
    name: 'measured intervals',
    x: centers,
    y: [...h.counts],
    width: centers.map(() => width * 0.9),
    marker: { color: COLORS.membrane },
  };
  if (!Number.isFinite(predictedMs)) return [bars];
  return [
    bars,
    {
      type: 'scatter',
      mode: 'lines',
      name: 'predicted T',
      x: [predictedMs, predictedMs],
      y: [0, top * 1.05],
      line: { color: COLORS.exact, width: 2, dash: 'dash' },
    },
  ];
}
