import { describe, expect, it } from 'vitest';
import type { Layout3d } from '../../../src/model/index.ts';
import {
  gridSide,
  layerSide,
  layoutRadius,
  neuronPositions,
  sphereRadius,
} from '../../../src/app/view3d/layout.ts';
import { autoScale, autoShape, placePopulations } from '../../../src/app/view3d/auto-layout.ts';
import { validDocument } from '../model/helpers.ts';

const at = (shape: Layout3d['shape'], spacing = 1, center = { x: 0, y: 0, z: 0 }): Layout3d => ({
  shape,
  center,
  spacing,
});

function points(p: Float32Array): [number, number, number][] {
  return Array.from({ length: p.length / 3 }, (_, i) => [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!]);
}

describe('neuronPositions', () => {
  it('puts 8 neurons of a grid on the corners of a cube around the center', () => {
    const p = points(neuronPositions(8, at('grid', 2, { x: 10, y: 20, z: 30 })));
    expect(p).toEqual([
      [9, 19, 29],
      [11, 19, 29],
      [9, 21, 29],
      [11, 21, 29],
      [9, 19, 31],
      [11, 19, 31],
      [9, 21, 31],
      [11, 21, 31],
    ]);
  });

  it('sizes grids and layers by the smallest side that holds them', () => {
    expect([gridSide(1), gridSide(8), gridSide(9), gridSide(1000), gridSide(1001)]).toEqual([
      1, 2, 3, 10, 11,
    ]);
    expect([layerSide(1), layerSide(100), layerSide(101), layerSide(10_000)]).toEqual([
      1, 10, 11, 100,
    ]);
  });

  it('lays a layer flat in the x-z plane at the center height, spacing apart', () => {
    const p = points(neuronPositions(6, at('layer', 3, { x: 0, y: 5, z: 0 })));
    expect(p.every(([, y]) => y === 5)).toBe(true);
    expect(p[0]).toEqual([-3, 5, -3]);
    expect(p[1]).toEqual([0, 5, -3]);
    expect(p[3]).toEqual([-3, 5, 0]);
  });

  it('puts every neuron of a sphere on its surface, about spacing apart', () => {
    const n = 500;
    const spacing = 2;
    const p = points(neuronPositions(n, at('sphere', spacing, { x: 1, y: 2, z: 3 })));
    const r = sphereRadius(n, spacing);
    for (const [x, y, z] of p) expect(Math.hypot(x - 1, y - 2, z - 3)).toBeCloseTo(r, 4);
    // Nearest-neighbour distances of an even spread: all within a factor of 2 of the spacing.
    const nearest = p.map((a, i) =>
      Math.min(
        ...p
          .filter((_, j) => j !== i)
          .map((b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])),
      ),
    );
    expect(Math.min(...nearest)).toBeGreaterThan(spacing * 0.5);
    expect(Math.max(...nearest)).toBeLessThan(spacing * 2);
  });

  it('keeps every neuron inside layoutRadius of the center', () => {
    for (const shape of ['grid', 'layer', 'sphere'] as const) {
      for (const n of [1, 7, 64, 1000]) {
        const r = layoutRadius(n, { shape, spacing: 1.5 });
        for (const [x, y, z] of points(neuronPositions(n, at(shape, 1.5)))) {
          expect(Math.max(Math.abs(x), Math.abs(y), Math.abs(z))).toBeLessThanOrEqual(r + 1e-4);
        }
      }
    }
  });
});

describe('automatic layout', () => {
  it('makes sources layers and neuron populations grids', () => {
    expect(autoShape('poisson')).toBe('layer');
    expect(autoShape('spike_generator')).toBe('layer');
    expect(autoShape('stochastic_lif')).toBe('grid');
    expect(autoShape('loihi')).toBe('grid');
  });

  it('scales canvas pixels so that no two populations overlap (radii + 4 apart at least)', () => {
    const s = autoScale([
      { x: 0, y: 0, radius: 10 },
      { x: 100, y: 0, radius: 6 },
      { x: 0, y: 1000, radius: 1 },
    ]);
    expect(s).toBeCloseTo((10 + 6 + 4) / 100, 12);
    expect(autoScale([{ x: 0, y: 0, radius: 1 }])).toBe(0.02);
  });

  it('follows the canvas (x right, y down becomes down) and keeps a written layout', () => {
    const doc = validDocument();
    const own: Layout3d = at('sphere', 2, { x: 50, y: 0, z: 7 });
    doc.populations[2] = { ...doc.populations[2]!, layout3d: own };
    const placed = placePopulations(doc);
    const [input, exc, gen] = placed;
    // Canvas: input (0,0), exc (200,0), gen (0,200) with its own layout.
    expect(input!.auto && exc!.auto).toBe(true);
    expect(exc!.layout.center.x).toBeGreaterThan(input!.layout.center.x);
    expect(exc!.layout.center.y).toBe(input!.layout.center.y);
    expect(gen).toEqual({ id: 'gen', size: doc.populations[2].size, layout: own, auto: false });
    // No overlap between the two automatic ones.
    const gap =
      exc!.layout.center.x -
      input!.layout.center.x -
      layoutRadius(exc!.size, exc!.layout) -
      layoutRadius(input!.size, input!.layout);
    expect(gap).toBeGreaterThanOrEqual(4 - 1e-9);
  });

  it('stacks populations at the same canvas spot along z instead of overlapping them', () => {
    const doc = validDocument();
    for (const p of doc.populations) p.position = { x: 0, y: 0 };
    const z = placePopulations(doc).map((p) => p.layout.center.z);
    expect(new Set(z).size).toBe(3);
  });
});
