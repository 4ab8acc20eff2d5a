/**
 * Which neuron a click hits: the nearest neuron to the camera whose ball (radius `hitRadius`
 * times the population's spacing) the view ray passes through. Done here, not by three's
 * raycaster, so picking is the same for spheres and points and is tested without WebGL.
 */
import type { Vec3 } from './layout.ts';

export interface PickTarget {
  id: string;
  positions: Float32Array;
  center: Vec3;
  /** Half-width of the population's box. */
  radius: number;
  spacing: number;
}

export interface NeuronHit {
  population: string;
  index: number;
  /** Distance along the ray. */
  distance: number;
}

/** A click within this fraction of the spacing of a neuron's center hits it. */
export const HIT_RADIUS = 0.45;

/**
 * The neuron hit by the ray from `origin` along the unit vector `direction`, or null.
 *
 * @example pickNeuron(targets, camera.position, rayDirection) // { population: 'exc', index: 12, ... }
 */
export function pickNeuron(
  targets: readonly PickTarget[],
  origin: Vec3,
  direction: Vec3,
  hitRadius = HIT_RADIUS,
): NeuronHit | null {
  let best: NeuronHit | null = null;
  for (const t of targets) {
    const r = t.spacing * hitRadius;
    // Skip the population when the ray misses the sphere around its box (half-diagonal).
    const cx = t.center.x - origin.x;
    const cy = t.center.y - origin.y;
    const cz = t.center.z - origin.z;
    const along = cx * direction.x + cy * direction.y + cz * direction.z;
    const bound = t.radius * Math.sqrt(3) + r;
    if (cx * cx + cy * cy + cz * cz - along * along > bound * bound) continue;
    const p = t.positions;
    const n = p.length / 3;
    for (let i = 0; i < n; i++) {
      const dx = p[3 * i]! - origin.x;
      const dy = p[3 * i + 1]! - origin.y;
      const dz = p[3 * i + 2]! - origin.z;
      const s = dx * direction.x + dy * direction.y + dz * direction.z;
      if (s <= 0 || (best !== null && s >= best.distance)) continue;
      if (dx * dx + dy * dy + dz * dz - s * s <= r * r) {
        best = { population: t.id, index: i, distance: s };
      }
    }
  }
  return best;
}
