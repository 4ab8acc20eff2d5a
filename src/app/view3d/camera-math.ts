/**
 * Camera placement for "fit" and the follow-the-activity camera. Pure math on plain vectors;
 * the camera rig applies the results to three's camera and orbit controls.
 */
import type { Vec3 } from './layout.ts';

export interface Bounds {
  center: Vec3;
  /** Radius of a sphere around `center` holding everything. */
  radius: number;
}

/** The default viewing direction: from the front, a little right and above (unit length). */
export const VIEW_DIRECTION: Vec3 = (() => {
  const v = { x: 0.35, y: 0.45, z: 1 };
  const l = Math.hypot(v.x, v.y, v.z);
  return { x: v.x / l, y: v.y / l, z: v.z / l };
})();

/** Bounds of boxes given as centers and half-widths (each population's `layoutRadius`). */
export function boundsOf(boxes: readonly { center: Vec3; radius: number }[]): Bounds {
  if (boxes.length === 0) return { center: { x: 0, y: 0, z: 0 }, radius: 1 };
  const lo = { x: Infinity, y: Infinity, z: Infinity };
  const hi = { x: -Infinity, y: -Infinity, z: -Infinity };
  for (const b of boxes) {
    lo.x = Math.min(lo.x, b.center.x - b.radius);
    lo.y = Math.min(lo.y, b.center.y - b.radius);
    lo.z = Math.min(lo.z, b.center.z - b.radius);
    hi.x = Math.max(hi.x, b.center.x + b.radius);
    hi.y = Math.max(hi.y, b.center.y + b.radius);
    hi.z = Math.max(hi.z, b.center.z + b.radius);
  }
  const center = { x: (lo.x + hi.x) / 2, y: (lo.y + hi.y) / 2, z: (lo.z + hi.z) / 2 };
  const radius = Math.max(0.5, Math.hypot(hi.x - lo.x, hi.y - lo.y, hi.z - lo.z) / 2);
  return { center, radius };
}

/**
 * Where a perspective camera looking along `-direction` must stand to see all of `bounds`:
 * the sphere fits the narrower of the vertical and horizontal fields of view, with a margin.
 */
export function fitCamera(
  bounds: Bounds,
  fovDeg: number,
  aspect: number,
  direction: Vec3 = VIEW_DIRECTION,
  margin = 1.1,
): { position: Vec3; target: Vec3; distance: number } {
  const vHalf = (fovDeg * Math.PI) / 360;
  const hHalf = Math.atan(Math.tan(vHalf) * Math.max(aspect, 1e-3));
  const half = Math.min(vHalf, hHalf);
  const distance = (bounds.radius / Math.sin(half)) * margin;
  const c = bounds.center;
  return {
    position: {
      x: c.x + direction.x * distance,
      y: c.y + direction.y * distance,
      z: c.z + direction.z * distance,
    },
    target: { ...c },
    distance,
  };
}

/**
 * The fraction of the way to move toward a goal in a frame of `dtMs` for an exponential ease
 * with time constant `tauMs`: frame-rate independent (two 8 ms frames move as one 16 ms).
 */
export function easeFraction(dtMs: number, tauMs: number): number {
  if (tauMs <= 0) return 1;
  return 1 - Math.exp(-Math.max(0, dtMs) / tauMs);
}
