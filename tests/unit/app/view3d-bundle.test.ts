import { describe, expect, it } from 'vitest';
import {
  bundleGeometry,
  bundleRadius,
  cubicAt,
  curveSegments,
  MAX_STRANDS,
  sampleIndices,
  spineCurve,
  strandCount,
  type BundleEnd,
} from '../../../src/app/view3d/bundle.ts';
import { buildScene } from '../../../src/app/view3d/scene-model.ts';
import { validDocument } from '../model/helpers.ts';

const end = (x: number, radius = 1, samples = [{ x, y: 0, z: 0 }]): BundleEnd => ({
  center: { x, y: 0, z: 0 },
  radius,
  samples,
});

describe('bundle thickness and strands', () => {
  it('grow with the synapse count, logarithmically, and stop at MAX_STRANDS', () => {
    expect([0, 1, 3, 1000, 1e6, 1e9].map(strandCount)).toEqual([0, 1, 2, 10, 20, MAX_STRANDS]);
    const radii = [0, 10, 1000, 1e6].map(bundleRadius);
    for (let k = 1; k < radii.length; k++) expect(radii[k]!).toBeGreaterThan(radii[k - 1]!);
    // A thousand times more synapses adds the same thickness each time.
    expect(bundleRadius(1e9) - bundleRadius(1e6)).toBeCloseTo(
      bundleRadius(1e6) - bundleRadius(1e3),
      4,
    );
  });

  it('samples neurons evenly, never more than there are', () => {
    expect(sampleIndices(100, 4)).toEqual([12, 37, 62, 87]);
    expect(sampleIndices(3, 24)).toEqual([0, 1, 2]);
  });
});

describe('spineCurve', () => {
  it('runs from surface to surface and bows to opposite sides for A->B and B->A', () => {
    const ab = spineCurve(end(0, 2), end(20, 3));
    expect(ab[0]).toEqual({ x: 2, y: 0, z: 0 });
    expect(ab[3]).toEqual({ x: 17, y: 0, z: 0 });
    const ba = spineCurve(end(20, 3), end(0, 2));
    const midAb = cubicAt(ab, 0.5);
    const midBa = cubicAt(ba, 0.5);
    expect(Math.sign(midAb.z)).toBe(-Math.sign(midBa.z));
    expect(Math.abs(midAb.z)).toBeGreaterThan(1);
  });

  it('draws a projection onto itself as a loop above the population', () => {
    const loop = spineCurve(end(5, 2), end(5, 2));
    expect(loop[0].y).toBeGreaterThanOrEqual(2);
    expect(loop[3].y).toBeGreaterThanOrEqual(2);
    expect(cubicAt(loop, 0.5).y).toBeGreaterThan(4);
  });
});

describe('bundleGeometry', () => {
  it('runs each strand from a source neuron through the spine to a target neuron', () => {
    const src = end(0, 1, [
      { x: 0, y: 1, z: 0 },
      { x: 0, y: -1, z: 0 },
    ]);
    const tgt = end(30, 1, [{ x: 30, y: 0, z: 1 }]);
    const g = bundleGeometry(src, tgt, 1000);
    expect(g.strands).toHaveLength(10);
    expect(g.strands[1]![0]).toEqual({ x: 0, y: -1, z: 0 });
    expect(g.strands[1]![3]).toEqual({ x: 30, y: 0, z: 1 });
    for (const s of g.strands) {
      expect(s[1]).toBe(g.spine[1]);
      expect(s[2]).toBe(g.spine[2]);
    }
    // Mid-way, the strands have converged near the spine (closer than at their ends).
    const spineMid = cubicAt(g.spine, 0.5);
    const spread = (t: number) =>
      Math.max(
        ...g.strands.map((s) => {
          const p = cubicAt(s, t);
          const q = cubicAt(g.spine, t);
          return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
        }),
      );
    expect(spread(0.5)).toBeLessThan(spread(0));
    expect(spineMid.x).toBeCloseTo(15, 6);
  });

  it('samples curves into line segments that join end to end', () => {
    const c = spineCurve(end(0), end(10));
    const seg = curveSegments([c], 4);
    expect(seg).toHaveLength(4 * 6);
    expect([seg[0], seg[1], seg[2]]).toEqual([c[0].x, c[0].y, c[0].z]);
    for (let k = 1; k < 4; k++) {
      expect(seg.slice(6 * k, 6 * k + 3)).toEqual(seg.slice(6 * k - 3, 6 * k));
    }
    expect(seg[seg.length - 3]).toBeCloseTo(c[3].x, 5);
  });
});

describe('buildScene', () => {
  it('gives each projection its expected synapse count and sign', () => {
    const doc = validDocument();
    const scene = buildScene(doc);
    const input = doc.populations[0]!.size;
    const exc = doc.populations[1]!.size;
    expect(scene.totalNeurons).toBe(doc.populations.reduce((n, p) => n + p.size, 0));
    expect(scene.bundles).toHaveLength(1);
    const b = scene.bundles[0]!;
    expect([b.source, b.target]).toEqual(['input', 'exc']);
    const c = doc.projections[0]!.connectivity;
    const expected =
      c.rule === 'fixed_probability'
        ? c.p * input * exc
        : c.rule === 'all_to_all'
          ? input * exc
          : NaN;
    expect(b.synapses).toBeCloseTo(expected, 9);
    expect(b.geometry.radius).toBeCloseTo(bundleRadius(expected), 12);
    expect(scene.populations[1]!.positions).toHaveLength(exc * 3);
  });

  it('bounds a self-projection loop above its population too', () => {
    const doc = validDocument();
    doc.populations = doc.populations.filter((p) => p.id === 'exc');
    doc.projections = [{ ...doc.projections[0]!, id: 'ee', source: 'exc', target: 'exc' }];
    const scene = buildScene(doc);
    const top = cubicAt(scene.bundles[0]!.geometry.spine, 0.5);
    const { center, radius } = scene.bounds;
    // The loop rises above the population's own box, whose bounds alone would cut it off.
    const exc = scene.populations[0]!;
    expect(top.y - exc.layout.center.y).toBeGreaterThan(exc.radius * Math.sqrt(3));
    expect(Math.hypot(top.x - center.x, top.y - center.y, top.z - center.z)).toBeLessThanOrEqual(
      radius,
    );
  });
});
