/**
 * Membrane (or synaptic current) traces of the probed neurons, one line per neuron. SVG, not
 * WebGL: the lines are decimated to a few points per pixel column, and a second WebGL context
 * next to the raster's costs more (context switches, compositing) than it saves.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { RunRecord } from '../../store/session/record.ts';
import { drawPlot, purgePlot, type Trace } from './plotly.ts';
import { AXIS, PLOT_MARGIN, baseLayout, populationColor, timeRange } from './plot-theme.ts';
import { traceLine } from './trace-points.ts';
import { useRecordRedraw } from './useRecordRedraw.ts';
import { PngButton } from './PngButton.tsx';

const HEIGHT = 240;
/** Five redraws a second: the traces follow the raster without competing with it for frames. */
const MIN_INTERVAL_MS = 200;
const UNITS = { v: 'V', i_syn: 'I_syn' } as const;

export function TracePlot({ record }: { record: RunRecord }) {
  const ref = useRef<HTMLDivElement>(null);

  const draw = useCallback((r: RunRecord) => {
    const div = ref.current;
    if (!div) return;
    const [t0, t1] = timeRange(r.endStep, r.windowSteps, r.dt);
    const width = Math.max(100, div.clientWidth - PLOT_MARGIN.l - PLOT_MARGIN.r);
    const order = new Map(r.document.populations.map((p, k) => [p.id, k]));
    const data: Trace[] = [];
    const variables = new Set<string>();
    for (const probe of r.traces.values()) {
      variables.add(UNITS[probe.variable]);
      const base = populationColor(order.get(probe.population) ?? 0);
      probe.neurons.forEach((neuron, column) => {
        const line = traceLine(
          probe.window,
          column,
          r.endStep - r.windowSteps,
          r.endStep,
          r.dt,
          width,
        );
        data.push({
          type: 'scatter',
          mode: 'lines',
          name: `${probe.population}[${neuron}]`,
          x: line.x,
          y: line.y,
          line: { width: 1.2, color: base },
          // Neurons of one probe share their population's colour; fade the later ones.
          opacity: Math.max(0.35, 1 - column * 0.2),
          hoverinfo: 'skip',
        });
      });
    }
    void drawPlot(div, data, {
      ...baseLayout('Membrane traces', HEIGHT),
      showlegend: data.length <= 8,
      legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.12, font: { size: 10 } },
      xaxis: { ...AXIS, range: [t0, t1], title: { text: 'time (ms)' }, zeroline: false },
      yaxis: { ...AXIS, title: { text: [...variables].join(', ') }, zeroline: false },
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
      <PngButton target={ref} filename="traces" label="membrane traces" />
      <div ref={ref} className="plot trace-plot" data-testid="trace-plot" />
    </div>
  );
}
