/**
 * Projections drawn as bundles: a thick spine between the two populations whose radius grows
 * with the expected synapse count, and thin strands from sample source neurons through the
 * spine's middle to sample target neurons, so the bundle fans out at both ends. Pure geometry:
 * cubic Bezier control points; the scene samples and draws them.
 */
import type { Vec3 } from './layout.ts';

/** A cubic Bezier curve: start, two control points, end. */
export type Cubic = readonly [Vec3, Vec3, Vec3, Vec3];

/** Most strands per bundle: more add lines without saying more. */
export const MAX_STRANDS = 24;

export interface BundleEnd {
  center: Vec3;
  /** Half-width of the population (`layoutRadius`). */
  radius: number;
  /** Sample neuron positions the strands start or end at. */
  samples: readonly Vec3[];
}

export interface BundleGeometry {
  spine: Cubic;
  strands: Cubic[];
  /** Spine tube radius, view units. */
  radius: number;
}

/**
 * Strands of a bundle of `synapses` synapses: one per doubling (1 for one synapse, 10 for a
 * thousand, 20 for a million), at most `MAX_STRANDS`; none for an empty projection.
 */
export function strandCount(synapses: number): number {
  if (!(synapses > 0)) return 0;
  return Math.min(MAX_STRANDS, Math.max(1, Math.ceil(Math.log2(synapses + 1))));
}

/**
 * Spine radius for a synapse count: logarithmic, since counts run from 1 to 10^8 and a linear
 * scale would make every small projection invisible beside a big one.
 */
export function bundleRadius(synapses: number): number {
  return 0.04 + 0.06 * Math.log10(1 + Math.max(0, synapses));
}

/** Evenly spread neuron indices, `count` of `size` (each at the middle of its share). */
export function sampleIndices(size: number, count: number): number[] {
  const n = Math.min(size, count);
  return Array.from({ length: n }, (_, k) => Math.floor(((k + 0.5) * size) / n));
}

const add = (a: Vec3, b: Vec3, s = 1): Vec3 => ({
  x: a.x + b.x * s,
  y: a.y + b.y * s,
  z: a.z + b.z * s,
});
const sub = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const len = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);
const scale = (a: Vec3, s: number): Vec3 => ({ x: a.x * s, y: a.y * s, z: a.z * s });
const cross = (a: Vec3, b: Vec3): Vec3 => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});

/**
 * The spine between two populations. It leaves the source's surface toward the target and bows
 * to the side (by `bow` times the distance), to the left of the direction of travel seen from
 * above, so A->B and B->A bow apart instead of lying on each other. A projection from a
 * population to itself is a loop above it.
 */
export function spineCurve(source: BundleEnd, target: BundleEnd, bow = 0.15): Cubic {
  const d = sub(target.center, source.center);
  const dist = len(d);
  if (dist < 1e-6) {
    const c = source.center;
    const r = Math.max(source.radius, 1);
    return [
      add(c, { x: -r * 0.5, y: r, z: 0 }),
      add(c, { x: -r * 1.5, y: r * 3, z: 0 }),
      add(c, { x: r * 1.5, y: r * 3, z: 0 }),
      add(c, { x: r * 0.5, y: r, z: 0 }),
    ];
  }
  const u = scale(d, 1 / dist);
  let side = cross(u, { x: 0, y: 1, z: 0 });
  if (len(side) < 1e-6) side = { x: 1, y: 0, z: 0 };
  side = scale(side, 1 / len(side));
  // Start and end on the surfaces, unless the populations overlap (then at the centers).
  const gap = dist - source.radius - target.radius;
  const p0 = gap > 0 ? add(source.center, u, source.radius) : source.center;
  const p3 = gap > 0 ? add(target.center, u, -target.radius) : target.center;
  const span = sub(p3, p0);
  const off = scale(side, bow * dist);
  return [p0, add(add(p0, span, 1 / 3), off), add(add(p0, span, 2 / 3), off), p3];
}

/**
 * A projection's bundle: the spine, and strands from `source.samples[k]` through the spine's
 * control points to `target.samples[k]` (pairs cycle when one end has fewer samples).
 *
 * @example bundleGeometry(a, b, 1000).strands.length // 10
 */
export function bundleGeometry(
  source: BundleEnd,
  target: BundleEnd,
  synapses: number,
  bow = 0.15,
): BundleGeometry {
  const spine = spineCurve(source, target, bow);
  const n = source.samples.length === 0 || target.samples.length === 0 ? 0 : strandCount(synapses);
  const strands: Cubic[] = [];
  for (let k = 0; k < n; k++) {
    const a = source.samples[k % source.samples.length]!;
    const b = target.samples[k % target.samples.length]!;
    strands.push([a, spine[1], spine[2], b]);
  }
  return { spine, strands, radius: bundleRadius(synapses) };
}

/** The point at `t` in [0, 1] on a cubic Bezier. */
export function cubicAt(c: Cubic, t: number): Vec3 {
  const s = 1 - t;
  const w0 = s * s * s;
  const w1 = 3 * s * s * t;
  const w2 = 3 * s * t * t;
  const w3 = t * t * t;
  return {
    x: w0 * c[0].x + w1 * c[1].x + w2 * c[2].x + w3 * c[3].x,
    y: w0 * c[0].y + w1 * c[1].y + w2 * c[2].y + w3 * c[3].y,
    z: w0 * c[0].z + w1 * c[1].z + w2 * c[2].z + w3 * c[3].z,
  };
}

/**
 * Line-segment vertices (xyz pairs) of the curves, each cut into `segments` pieces: the buffer
 * of one `LineSegments` drawing every strand of every bundle in one draw call.
 */
export function curveSegments(curves: readonly Cubic[], segments: number): Float32Array {
  const out = new Float32Array(curves.length * segments * 6);
  let o = 0;
  for (const c of curves) {
    let prev = c[0];
    for (let s = 1; s <= segments; s++) {
      const next = cubicAt(c, s / segments);
      out.set([prev.x, prev.y, prev.z, next.x, next.y, next.z], o);
      o += 6;
      prev = next;
    }
  }
  return out;
}
