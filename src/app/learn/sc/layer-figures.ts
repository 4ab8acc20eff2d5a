/** Figures of the layers: spike rasters (steps 5, 6) and the per-step current (step 4). */
import type { Trace } from '../../plots/plotly.ts';
import { COLORS } from './colors.ts';
import { rasterPoints } from './layer-runs.ts';

/** One vertical tick per spike, neuron 0 at the top. */
export function rasterTraces(trains: readonly Uint8Array[], color: string): Trace[] {
  const { t, n } = rasterPoints(trains);
  return [
    {
      type: 'scatter',
      mode: 'markers',
      name: 'spikes',
      x: t,
      y: n,
      marker: { color, symbol: 'line-ns-open', size: 12, line: { color, width: 1.6 } },
      hovertemplate: 'neuron %{y}, t = %{x} ms<extra></extra>',
    },
  ];
}

/** The y axis of a raster of `neurons` rows: integers, top row 0. */
export function rasterYAxis(neurons: number) {
  return {
    range: [neurons - 0.5, -0.5] as [number, number],
    tickmode: 'array' as const,
    tickvals: Array.from({ length: neurons }, (_, j) => j),
    ticktext: Array.from({ length: neurons }, (_, j) => `n${j}`),
  };
}

/** I(t) as steps, with the mean of the window, the full-length estimate and the exact value. */
export function currentTraces(
  currents: readonly number[],
  lines: { mean: number; full: number; exact: number },
): Trace[] {
  const t = currents.map((_, k) => k);
  const end = currents.length;
  const flat = (name: string, y: number, color: string, dash: 'dash' | 'dot' | 'solid'): Trace => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x: [0, end],
    y: [y, y],
    line: { color, width: 1.6, dash },
  });
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'I(t) per step',
      x: t,
      y: [...currents],
      line: { color: COLORS.pre, width: 1.2, shape: 'hv' },
    },
    flat(`mean of ${end} steps`, lines.mean, COLORS.weight, 'solid'),
    flat('full-length estimate', lines.full, COLORS.product, 'dot'),
    flat('exact', lines.exact, COLORS.exact, 'dash'),
  ];
}
