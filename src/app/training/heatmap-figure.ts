/**
 * The weight heatmap's figure (pure): one matrix of a layer, target neurons as rows and source
 * neurons as columns, on a diverging scale centred on 0 so excitatory and inhibitory weights
 * read at a glance.
 */
import type { TrainNetwork } from '../../engine/learning/train/types.ts';
import type { PlotLayout, Trace } from '../plots/plotly.ts';
import { AXIS, baseLayout } from '../plots/plot-theme.ts';

export const HEATMAP_HEIGHT = 260;

/** Which matrix of the network: layer k's feed-forward weights or its recurrent ones. */
export interface MatrixChoice {
  layer: number;
  recurrent: boolean;
}

/** The matrix as rows of targets: `z[j][i] = W[i * size + j]`; null when it does not exist. */
export function weightRows(network: TrainNetwork, choice: MatrixChoice): number[][] | null {
  const layer = network.layers[choice.layer];
  if (layer === undefined) return null;
  const w = choice.recurrent ? layer.recurrent : layer.weights;
  if (w === undefined) return null;
  const size = layer.size;
  const sources = w.length / size;
  const rows: number[][] = [];
  for (let j = 0; j < size; j++) {
    const row = new Array<number>(sources);
    for (let i = 0; i < sources; i++) row[i] = w[i * size + j] as number;
    rows.push(row);
  }
  return rows;
}

/** `after - before`, element by element. */
export function difference(after: number[][], before: number[][]): number[][] {
  return after.map((row, j) => row.map((v, i) => v - (before[j]?.[i] ?? 0)));
}

/**
 * The heatmap of `rows`, titled, with its colour scale symmetric about 0.
 *
 * @example heatmapFigure([[1, -1]], 'in → out', 'source', 'target').data[0]?.zmax // 1
 */
export function heatmapFigure(
  rows: number[][],
  title: string,
  xTitle: string,
  yTitle: string,
): { data: Trace[]; layout: PlotLayout } {
  let max = 0;
  for (const row of rows) for (const v of row) max = Math.max(max, Math.abs(v));
  const base = baseLayout(title, HEATMAP_HEIGHT);
  return {
    data: [
      {
        type: 'heatmap',
        z: rows,
        zmin: -max || -1,
        zmax: max || 1,
        colorscale: 'RdBu',
        reversescale: true,
        colorbar: { thickness: 10, tickfont: { size: 10 } },
      },
    ],
    layout: {
      ...base,
      margin: { l: 52, r: 12, t: 32, b: 40 },
      hovermode: 'closest',
      xaxis: { ...AXIS, title: { text: xTitle } },
      yaxis: { ...AXIS, title: { text: yTitle } },
    },
  };
}
