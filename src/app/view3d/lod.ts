/**
 * Level of detail: shaded spheres while there are few neurons and each covers a few pixels;
 * flat points when there are many, or the camera is far, where a sphere's shading would not
 * show and its triangles would cost the frame.
 */

export type Lod = 'sphere' | 'point';

/**
 * Above this many neurons in the whole view, points only. Measured in headless Chromium
 * (SwiftShader, rendering on the CPU): 10,000 spheres drew at a fifth of the frame rate of
 * 100,000 points, so spheres are kept for views a glance can take in neuron by neuron.
 */
export const SPHERE_MAX_NEURONS = 5_000;

/** A neuron narrower than this on screen, px, is a point. */
export const SPHERE_MIN_PIXELS = 3;

/** Hysteresis, px: a zoom hovering at the threshold does not flip the look every frame. */
const HYSTERESIS = 0.5;

/**
 * Screen size, px, of something `worldSize` wide at `distance` from a perspective camera with a
 * vertical field of view `fovDeg` over a viewport `viewportHeight` px high.
 */
export function pixelsAcross(
  worldSize: number,
  distance: number,
  fovDeg: number,
  viewportHeight: number,
): number {
  const visible = 2 * Math.max(distance, 1e-6) * Math.tan((fovDeg * Math.PI) / 360);
  return (worldSize / visible) * viewportHeight;
}

/**
 * The look for a view of `totalNeurons` whose neurons are `neuronPixels` wide on screen, given
 * the `current` look (for hysteresis).
 *
 * @example chooseLod(500, 12, 'point') // 'sphere'
 * @example chooseLod(100_000, 40, 'sphere') // 'point'
 */
export function chooseLod(totalNeurons: number, neuronPixels: number, current: Lod): Lod {
  if (totalNeurons > SPHERE_MAX_NEURONS) return 'point';
  const threshold = SPHERE_MIN_PIXELS + (current === 'sphere' ? -HYSTERESIS : HYSTERESIS);
  return neuronPixels >= threshold ? 'sphere' : 'point';
}
