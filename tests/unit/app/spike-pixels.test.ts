import { describe, expect, it } from 'vitest';
import { ScrollWindow } from '../../../src/app/plots/scroll-window.ts';
import { SpikeBatch, collectSpikes, neuronY } from '../../../src/app/plots/spike-pixels.ts';

function columns(pairs: [number, number][]) {
  return {
    steps: Int32Array.from(pairs, (p) => p[0]),
    indices: Uint32Array.from(pairs, (p) => p[1]),
  };
}

describe('neuron rows', () => {
  const row = { y: 10, height: 100, size: 100, marker: 2 };

  it('puts neuron 0 at the bottom and the last neuron at the top, inside the row', () => {
    // Centre of neuron 0 is 0.5 px above the bottom edge (110): marker top at 108.5 -> 109,
    // clamped so the 2 px marker stays inside the row.
    expect(neuronY(0, row)).toBe(108);
    expect(neuronY(99, row)).toBe(10);
    expect(neuronY(49, row)).toBe(60);
  });

  it('keeps markers inside a row smaller than the population', () => {
    const small = { y: 0, height: 10, size: 4000, marker: 3 };
    for (const i of [0, 1, 1999, 3999]) {
      const y = neuronY(i, small);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y + small.marker).toBeLessThanOrEqual(10);
    }
  });
});

describe('collecting spikes', () => {
  const row = { y: 0, height: 10, size: 10, marker: 1 };

  it('maps each spike to its column and row', () => {
    const scroll = new ScrollWindow(10, 100);
    scroll.advance(100);
    const { steps, indices } = columns([
      [0, 0],
      [35, 9],
      [99, 4],
    ]);
    const batch = new SpikeBatch();
    expect(collectSpikes(steps, indices, 0, 3, scroll, row, 0, batch)).toBe(3);
    expect(batch.count).toBe(3);
    expect(Array.from(batch.xs.subarray(0, 3))).toEqual([0, 3, 9]);
    expect(Array.from(batch.ys.subarray(0, 3))).toEqual([9, 0, 5]);
  });

  it('skips spikes left of the strip and those scrolled out', () => {
    const scroll = new ScrollWindow(10, 100);
    scroll.advance(100);
    scroll.advance(150);
    const { steps, indices } = columns([
      [40, 1],
      [60, 2],
      [149, 3],
    ]);
    const batch = new SpikeBatch();
    collectSpikes(steps, indices, 0, 3, scroll, row, 5, batch);
    // Step 40 has scrolled out (x = -1); step 60 is at x = 1, left of the strip at 5.
    expect(batch.count).toBe(1);
    expect(batch.xs[0]).toBe(9);
  });

  it('paints one marker per cell however many spikes land in it (bounded by the strip area)', () => {
    const scroll = new ScrollWindow(10, 100);
    scroll.advance(100);
    const pairs: [number, number][] = [];
    // 10,000 spikes on 10 x 10 pixels of a 2 px marker grid: at most 5 x 5 cells.
    for (let k = 0; k < 10_000; k++) pairs.push([k % 100, (k * 7) % 10]);
    pairs.sort((a, b) => a[0] - b[0]);
    const { steps, indices } = columns(pairs);
    const batch = new SpikeBatch();
    collectSpikes(steps, indices, 0, pairs.length, scroll, { ...row, marker: 2 }, 0, batch);
    expect(batch.count).toBeLessThanOrEqual(6 * 6);
    expect(batch.count).toBeGreaterThanOrEqual(5 * 5);
    // Markers stay inside the plot: none starts in the last column.
    for (let k = 0; k < batch.count; k++) expect(batch.xs[k]).toBeLessThanOrEqual(8);
  });

  it('starts each frame with a clear cell grid and reuses its buffers', () => {
    const scroll = new ScrollWindow(10, 100);
    scroll.advance(100);
    const { steps, indices } = columns([[50, 5]]);
    const batch = new SpikeBatch();
    collectSpikes(steps, indices, 0, 1, scroll, row, 0, batch);
    const xs = batch.xs;
    collectSpikes(steps, indices, 0, 1, scroll, row, 0, batch);
    expect(batch.count).toBe(1);
    expect(batch.xs).toBe(xs);
  });

  it('grows its buffers when a frame has more markers than they hold', () => {
    const scroll = new ScrollWindow(5000, 5000);
    scroll.advance(5000);
    const pairs: [number, number][] = [];
    for (let k = 0; k < 5000; k++) pairs.push([k, k % 2]);
    const { steps, indices } = columns(pairs);
    const batch = new SpikeBatch();
    collectSpikes(
      steps,
      indices,
      0,
      5000,
      scroll,
      { y: 0, height: 2, size: 2, marker: 1 },
      0,
      batch,
    );
    expect(batch.count).toBe(5000);
    expect(batch.xs[4999]).toBe(4999);
  });
});
