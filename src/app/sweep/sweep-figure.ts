/** The sweep's result curve as a plotly figure: rate (Hz) against the swept value. */
import type { SweepPoint } from '../../engine/sweep/run-sweep.ts';
import { AXIS, baseLayout, populationColor } from '../plots/plot-theme.ts';
import type { PlotLayout, Trace } from '../plots/plotly.ts';

export const CURVE_HEIGHT = 260;

export function sweepFigure(
  points: readonly SweepPoint[],
  xLabel: string,
  population: string,
): { data: Trace[]; layout: PlotLayout } {
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      x: points.map((p) => p.value),
      y: points.map((p) => p.rate),
      line: { color: populationColor(0), width: 2 },
      marker: { size: 7 },
      name: `${population} rate`,
    },
  ];
  const layout: PlotLayout = {
    ...baseLayout(`Mean rate of ${population} against ${xLabel}`, CURVE_HEIGHT),
    xaxis: { ...AXIS, title: { text: xLabel } },
    yaxis: { ...AXIS, title: { text: 'rate (Hz)' }, rangemode: 'tozero' },
    hovermode: 'closest',
  };
  return { data, layout };
}
