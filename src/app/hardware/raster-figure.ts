/**
 * A plotly figure of one run's spikes for the Hardware panel: every population stacked on one
 * y axis (population k's neuron j at row offset_k + j), one WebGL trace per population in the
 * run plots' colours, so the float and the quantised raster read row for row.
 */
import type { NetworkDocument } from '../../model/document.ts';
import type { PlotLayout, Trace } from '../plots/plotly.ts';
import { AXIS, baseLayout, populationColor } from '../plots/plot-theme.ts';
import type { RunSpikes } from './run-to-end.ts';

/** Most points drawn per raster; past it every k-th spike is drawn (and the title says so). */
export const RASTER_POINT_BUDGET = 40_000;
export const RASTER_HEIGHT = 180;

/** Longest row label, characters: the plot's left margin cuts longer ones mid-word. */
const LABEL_CHARS = 12;

/** `label` cut to the margin with an ellipsis ("Excitatory (16/12/14)" -> "Excitatory…"). */
export function rowLabel(label: string): string {
  return label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

/** 1 when every spike fits the budget, else the stride that keeps within it. */
export function rasterStride(total: number, budget = RASTER_POINT_BUDGET): number {
  return total <= budget ? 1 : Math.ceil(total / budget);
}

/**
 * The figure of `run` (recorded from `doc`) titled `title`.
 *
 * @example rasterFigure('Float', doc, run).data.length // one trace per population
 */
export function rasterFigure(
  title: string,
  doc: NetworkDocument,
  run: RunSpikes,
): { data: Trace[]; layout: PlotLayout } {
  const total = doc.populations.reduce((n, p) => n + (run.spikes[p.id]?.steps.length ?? 0), 0);
  const stride = rasterStride(total);
  const rows = doc.populations.reduce((n, p) => n + p.size, 0);
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  let offset = 0;
  const data: Trace[] = doc.populations.map((p, k) => {
    const spikes = run.spikes[p.id] ?? { steps: [], indices: [] };
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < spikes.steps.length; i += stride) {
      x.push(spikes.steps[i]! * run.dt);
      y.push(offset + spikes.indices[i]!);
    }
    tickvals.push(offset + (p.size - 1) / 2);
    ticktext.push(rowLabel(p.label ?? p.id));
    offset += p.size;
    return {
      type: 'scattergl',
      mode: 'markers',
      name: p.label ?? p.id,
      x,
      y,
      marker: { color: populationColor(k), size: rows > 200 ? 2 : 4 },
      hoverinfo: 'skip',
    };
  });
  const sampled = stride > 1 ? ` (1 in ${stride} spikes)` : '';
  return {
    data,
    layout: {
      ...baseLayout(`${title}${sampled}`, RASTER_HEIGHT),
      showlegend: false,
      xaxis: {
        ...AXIS,
        range: [0, run.totalSteps * run.dt],
        title: { text: 'time (ms)' },
      },
      yaxis: { ...AXIS, range: [-0.5, rows - 0.5], tickvals, ticktext },
    },
  };
}
