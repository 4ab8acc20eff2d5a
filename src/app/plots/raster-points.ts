/**
 * Turns a population's spike window into the points a raster draws. At 100,000 spikes per
 * second a one-second window holds far more spikes than the plot has pixels, so above a
 * threshold we keep one spike per cell of a grid over the plot: cells of a marker's size keep
 * the picture, and cells grow further only when even that would exceed the point budget
 * (plotly's per-point work, not the GPU, is what costs frame time).
 */
import type { SpikeSeries } from '../../store/session/series.ts';

export interface RasterPoints {
  x: Float32Array;
  y: Float32Array;
  /** Spikes in the window (drawn or merged into a drawn point). */
  spikes: number;
}

export interface RasterGrid {
  /** Steps [fromStep, toStep) are shown. */
  fromStep: number;
  toStep: number;
  dt: number;
  size: number;
  /** Plot area in pixels. */
  widthPx: number;
  heightPx: number;
  /** Below this many spikes every spike is drawn as is. */
  exactBelow: number;
  /** Size of a drawn marker, px: the smallest cell worth keeping apart. */
  markerPx: number;
  /** Most points to draw. */
  budget: number;
}

/**
 * Points (time in ms, neuron index) of the spikes in the grid's step range.
 *
 * @example rasterPoints(series, { fromStep: 0, toStep: 10000, dt: 0.1, size: 4000,
 *   widthPx: 800, heightPx: 300, exactBelow: 20000 })
 */
export function rasterPoints(series: SpikeSeries, grid: RasterGrid): RasterPoints {
  const from = series.firstAtOrAfter(grid.fromStep);
  const to = series.firstAtOrAfter(grid.toStep);
  const spikes = to - from;
  const { steps, indices } = series;
  if (spikes <= grid.exactBelow) {
    const x = new Float32Array(spikes);
    const y = new Float32Array(spikes);
    for (let k = 0; k < spikes; k++) {
      x[k] = (steps[from + k] ?? 0) * grid.dt;
      y[k] = indices[from + k] ?? 0;
    }
    return { x, y, spikes };
  }
  // Cells of markerPx, grown until the grid holds no more cells than the budget allows.
  const areaPx = Math.max(1, grid.widthPx * grid.heightPx);
  const cellPx = Math.max(grid.markerPx, Math.sqrt(areaPx / Math.max(1, grid.budget)));
  const w = Math.max(1, Math.round(grid.widthPx / cellPx));
  const h = Math.max(1, Math.round(grid.heightPx / cellPx));
  const span = Math.max(1, grid.toStep - grid.fromStep);
  const taken = new Uint8Array(w * h);
  const xs = new Float32Array(Math.min(spikes, w * h));
  const ys = new Float32Array(xs.length);
  let n = 0;
  for (let k = from; k < to; k++) {
    const step = steps[k] ?? 0;
    const index = indices[k] ?? 0;
    const cx = Math.min(w - 1, Math.floor(((step - grid.fromStep) / span) * w));
    const cy = Math.min(h - 1, Math.floor((index / Math.max(1, grid.size)) * h));
    const cell = cy * w + cx;
    if (taken[cell]) continue;
    taken[cell] = 1;
    xs[n] = step * grid.dt;
    ys[n] = index;
    n++;
  }
  return { x: xs.subarray(0, n), y: ys.subarray(0, n), spikes };
}
