import { describe, expect, it } from 'vitest';
import { rasterPoints } from '../../../src/app/plots/raster-points.ts';
import { traceLine } from '../../../src/app/plots/trace-points.ts';
import { SpikeSeries, TraceSeries } from '../../../src/store/session/series.ts';

function spikes(pairs: [number, number][]): SpikeSeries {
  const s = new SpikeSeries();
  s.append(
    Int32Array.from(pairs, (p) => p[0]),
    Uint32Array.from(pairs, (p) => p[1]),
  );
  return s;
}

describe('raster points', () => {
  const grid = {
    fromStep: 10,
    toStep: 20,
    dt: 0.5,
    size: 4,
    widthPx: 10,
    heightPx: 4,
    exactBelow: 100,
    markerPx: 1,
    budget: 1000,
  };

  it('draws every spike of the window exactly below the threshold', () => {
    const p = rasterPoints(
      spikes([
        [9, 0],
        [10, 1],
        [15, 3],
        [19, 2],
        [20, 0],
      ]),
      grid,
    );
    expect(Array.from(p.x)).toEqual([5, 7.5, 9.5]);
    expect(Array.from(p.y)).toEqual([1, 3, 2]);
    expect(p.spikes).toBe(3);
  });

  it('keeps one spike per cell above it', () => {
    // Steps 10 and 10 on neuron 1 share a cell; step 11 neuron 1 is the next column.
    const p = rasterPoints(
      spikes([
        [10, 1],
        [10, 1],
        [11, 1],
        [11, 3],
      ]),
      { ...grid, exactBelow: 0 },
    );
    expect(Array.from(p.x)).toEqual([5, 5.5, 5.5]);
    expect(Array.from(p.y)).toEqual([1, 1, 3]);
    expect(p.spikes).toBe(4);
  });

  it('grows the cells until the point budget holds', () => {
    const all: [number, number][] = [];
    for (let step = 10; step < 20; step++) for (let i = 0; i < 4; i++) all.push([step, i]);
    const p = rasterPoints(spikes(all), { ...grid, exactBelow: 0, budget: 10 });
    expect(p.x.length).toBeLessThanOrEqual(10);
    expect(p.x.length).toBeGreaterThan(4);
    expect(p.spikes).toBe(40);
  });
});

describe('trace line', () => {
  it('keeps first, minimum and maximum of each pixel column when decimating', () => {
    const s = new TraceSeries(1);
    const values = [0, 5, -3, 1, 2, 2, 9, 2];
    s.append(
      Int32Array.from(values, (_, k) => k),
      Float32Array.from(values),
    );
    const line = traceLine(s, 0, 0, 8, 1, 2); // 8 samples into 2 columns of 4
    expect(Array.from(line.x)).toEqual([0, 1, 2, 4, 6]);
    expect(Array.from(line.y)).toEqual([0, 5, -3, 2, 9]);
  });

  it('returns samples as they are when there are few', () => {
    const s = new TraceSeries(2);
    s.append(Int32Array.from([3, 4]), Float32Array.from([1, 10, 2, 20]));
    const line = traceLine(s, 1, 0, 10, 0.1, 100);
    expect(Array.from(line.x)).toEqual([Math.fround(0.3), Math.fround(0.4)]);
    expect(Array.from(line.y)).toEqual([10, 20]);
  });
});
