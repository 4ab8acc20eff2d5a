/** Population firing rates (Hz per neuron) over the sliding window, one line per population. */
import { useCallback, useEffect, useRef } from 'react';
import type { RunRecord } from '../../store/session/record.ts';
import { drawPlot, purgePlot, type Trace } from './plotly.ts';
import { AXIS, baseLayout, populationColor, timeRange } from './plot-theme.ts';
import { windowRates } from './population-rates.ts';
import { useRecordRedraw } from './useRecordRedraw.ts';
import { PngButton } from './PngButton.tsx';

const HEIGHT = 220;
/** Rates are averages over bins of several ms; four updates a second show them fully. */
const MIN_INTERVAL_MS = 250;

export function RatePlot({ record }: { record: RunRecord }) {
  const ref = useRef<HTMLDivElement>(null);

  const draw = useCallback((r: RunRecord) => {
    const div = ref.current;
    if (!div) return;
    const order = new Map(r.document.populations.map((p, k) => [p.id, k]));
    const data: Trace[] = windowRates(r).map((rate) => ({
      type: 'scatter',
      mode: 'lines',
      name: rate.label,
      x: rate.t,
      y: rate.hz,
      line: { width: 1.5, color: populationColor(order.get(rate.population) ?? 0), shape: 'hv' },
      hoverinfo: 'skip',
    }));
    void drawPlot(div, data, {
      ...baseLayout('Population rates', HEIGHT),
      showlegend: true,
      legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.15, font: { size: 10 } },
      xaxis: {
        ...AXIS,
        range: timeRange(r.endStep, r.windowSteps, r.dt),
        title: { text: 'time (ms)' },
      },
      yaxis: { ...AXIS, title: { text: 'rate (Hz)' }, rangemode: 'tozero', zeroline: false },
      datarevision: r.version,
    });
  }, []);

  useRecordRedraw(record, draw, MIN_INTERVAL_MS);
  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, []);

  return (
    <div className="plot-card">
      <PngButton target={ref} filename="rates" label="population rates" />
      <div ref={ref} className="plot rate-plot" data-testid="rate-plot" />
    </div>
  );
}
