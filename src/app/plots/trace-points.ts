/**
 * The line a membrane trace draws. A one-second window at dt = 0.1 ms is 10,000 samples per
 * neuron; above two samples per pixel column we keep each column's first, minimum and maximum
 * sample, which preserves spikes and resets exactly as drawn at that width.
 */
import { lowerBound, type TraceSeries } from '../../store/session/series.ts';

export interface LinePoints {
  x: Float32Array;
  y: Float32Array;
}

/**
 * Samples of column `column` of `series` in steps [fromStep, toStep), at most about
 * 3 * widthPx points.
 */
export function traceLine(
  series: TraceSeries,
  column: number,
  fromStep: number,
  toStep: number,
  dt: number,
  widthPx: number,
): LinePoints {
  const { steps, values, width } = series;
  const from = lowerBound(steps, series.length, fromStep);
  const to = lowerBound(steps, series.length, toStep);
  const count = to - from;
  const columns = Math.max(1, Math.round(widthPx));
  if (count <= 2 * columns) {
    const x = new Float32Array(count);
    const y = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      x[k] = (steps[from + k] ?? 0) * dt;
      y[k] = values[(from + k) * width + column] ?? NaN;
    }
    return { x, y };
  }
  const x = new Float32Array(columns * 3);
  const y = new Float32Array(columns * 3);
  let n = 0;
  const span = Math.max(1, toStep - fromStep);
  let k = from;
  for (let c = 0; c < columns && k < to; c++) {
    const end = fromStep + ((c + 1) / columns) * span;
    let min = Infinity;
    let max = -Infinity;
    let minK = k;
    let maxK = k;
    const first = k;
    for (; k < to && (steps[k] ?? 0) < end; k++) {
      const v = values[k * width + column] ?? NaN;
      if (v < min) [min, minK] = [v, k];
      if (v > max) [max, maxK] = [v, k];
    }
    if (k === first) continue;
    // Emit in time order so the line does not zig back on itself.
    const picks = [...new Set([first, minK, maxK])].sort((a, b) => a - b);
    for (const p of picks) {
      x[n] = (steps[p] ?? 0) * dt;
      y[n] = values[p * width + column] ?? NaN;
      n++;
    }
  }
  return { x: x.subarray(0, n), y: y.subarray(0, n) };
}
