/**
 * Maps spikes to the pixels a live raster row paints. A frame's new spikes number in the
 * thousands at 100,000 spikes per second while a row has a few hundred pixel rows, so spikes
 * that fall in a marker-sized cell already painted this frame are skipped: what is painted is
 * bounded by the strip's area, not by the spike rate. Buffers are kept and reused across frames.
 */
import type { ScrollWindow } from './scroll-window.ts';

/** A row of the raster in device pixels: neuron 0 at the bottom, as in the plotly figure. */
export interface RowPixels {
  y: number;
  height: number;
  /** Neurons in the population. */
  size: number;
  /** Marker edge, device px. */
  marker: number;
}

/** Top-left corners of the markers to paint, reused from frame to frame. */
export class SpikeBatch {
  xs = new Int32Array(4096);
  ys = new Int32Array(4096);
  count = 0;
  private taken = new Uint8Array(4096);

  /** A cleared cell grid of at least `cells` cells. */
  cells(cells: number): Uint8Array {
    if (this.taken.length < cells) this.taken = new Uint8Array(cells * 2);
    this.taken.fill(0, 0, cells);
    return this.taken;
  }

  push(x: number, y: number): void {
    if (this.count === this.xs.length) {
      const xs = new Int32Array(this.xs.length * 2);
      xs.set(this.xs);
      const ys = new Int32Array(this.ys.length * 2);
      ys.set(this.ys);
      this.xs = xs;
      this.ys = ys;
    }
    this.xs[this.count] = x;
    this.ys[this.count] = y;
    this.count++;
  }
}

/** Pixel row (top of the marker, relative to the plot area) of neuron `index`. */
export function neuronY(index: number, row: RowPixels): number {
  // The axis spans [-0.5, size - 0.5], so a neuron sits in the middle of its slot.
  const centre = row.y + row.height - ((index + 0.5) / Math.max(1, row.size)) * row.height;
  return Math.min(
    row.y + row.height - row.marker,
    Math.max(row.y, Math.round(centre - row.marker / 2)),
  );
}

/**
 * Collects into `batch` the markers of spikes `from..to` (of `steps`/`indices`), at their
 * columns in `scroll`, skipping spikes left of `minX` and those whose cell is already taken.
 * Returns the number of spikes looked at.
 */
export function collectSpikes(
  steps: Int32Array,
  indices: Uint32Array,
  from: number,
  to: number,
  scroll: ScrollWindow,
  row: RowPixels,
  minX: number,
  batch: SpikeBatch,
): number {
  batch.count = 0;
  const m = Math.max(1, row.marker);
  const left = Math.max(0, minX);
  const columns = Math.ceil((scroll.widthPx - left) / m) + 1;
  const rows = Math.ceil(row.height / m) + 1;
  const taken = batch.cells(columns * rows);
  const maxX = scroll.widthPx - m;
  for (let k = from; k < to; k++) {
    const x = scroll.x(steps[k] ?? 0);
    if (x < left || x >= scroll.widthPx) continue;
    const y = neuronY(indices[k] ?? 0, row);
    const cell = Math.floor((x - left) / m) * rows + Math.floor((y - row.y) / m);
    if (taken[cell]) continue;
    taken[cell] = 1;
    batch.push(Math.min(x, maxX), y);
  }
  return to - from;
}
