/**
 * The lines of the trace and rate figures, computed once from the record for both renderers
 * (plotly when stopped, the live canvas while streaming), so both show the same data.
 */
import type { RunRecord } from '../../store/session/record.ts';
import type { FigureLine } from './line-figure.ts';
import { populationColor } from './plot-theme.ts';
import { windowRates } from './population-rates.ts';
import { traceLine } from './trace-points.ts';

const UNITS = { v: 'V', i_syn: 'I_syn', u: 'u', w: 'w' } as const;

/** Membrane traces of the probed neurons over the window; `widthPx` bounds the points. */
export function traceLines(r: RunRecord, widthPx: number): { lines: FigureLine[]; unit: string } {
  const order = new Map(r.document.populations.map((p, k) => [p.id, k]));
  const lines: FigureLine[] = [];
  const variables = new Set<string>();
  for (const probe of r.traces.values()) {
    variables.add(UNITS[probe.variable]);
    const color = populationColor(order.get(probe.population) ?? 0);
    probe.neurons.forEach((neuron, column) => {
      const line = traceLine(
        probe.window,
        column,
        r.endStep - r.windowSteps,
        r.endStep,
        r.dt,
        widthPx,
      );
      // Neurons of one probe share their population's colour; fade the later ones.
      const alpha = Math.max(0.35, 1 - column * 0.2);
      lines.push({ label: `${probe.population}[${neuron}]`, color, alpha, x: line.x, y: line.y });
    });
  }
  return { lines, unit: [...variables].join(', ') };
}

/** Population rates over the window, one stepped line per population. */
export function rateLines(r: RunRecord): FigureLine[] {
  const order = new Map(r.document.populations.map((p, k) => [p.id, k]));
  return windowRates(r).map((rate) => ({
    label: rate.label,
    color: populationColor(order.get(rate.population) ?? 0),
    alpha: 1,
    x: rate.t,
    y: rate.hz,
    steps: true,
  }));
}
