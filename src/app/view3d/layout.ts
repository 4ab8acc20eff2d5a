/**
 * Where each neuron of a population sits in the 3D view, from its `Layout3d`. Pure: the scene
 * calls it once per layout change and keeps the positions in a typed array.
 */
import type { Layout3d } from '../../model/document.ts';

/** A point or vector in view units. */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** The golden angle, radians: consecutive points of a Fibonacci sphere turn by it. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Neurons along one side of a grid (a cube) holding `size` neurons. */
export function gridSide(size: number): number {
  // Rounded before ceil so that 1000 gives 10, not 11 from 9.999999999999998.
  return Math.max(1, Math.ceil(Math.round(Math.cbrt(size) * 1e9) / 1e9));
}

/** Neurons along one side of a layer (a square sheet) holding `size` neurons. */
export function layerSide(size: number): number {
  return Math.max(1, Math.ceil(Math.round(Math.sqrt(size) * 1e9) / 1e9));
}

/**
 * Radius of a sphere whose surface holds `size` neurons about `spacing` apart: each neuron
 * takes about spacing^2 of the area 4 pi r^2.
 */
export function sphereRadius(size: number, spacing: number): number {
  return spacing * Math.sqrt(Math.max(1, size) / (4 * Math.PI));
}

/**
 * Half the width of the smallest cube around the layout's center that holds every neuron: what
 * the automatic layout keeps apart and what the camera fits.
 */
export function layoutRadius(size: number, layout: Pick<Layout3d, 'shape' | 'spacing'>): number {
  switch (layout.shape) {
    case 'grid':
      return ((gridSide(size) - 1) * layout.spacing) / 2;
    case 'layer':
      return ((layerSide(size) - 1) * layout.spacing) / 2;
    case 'sphere':
      return size === 1 ? 0 : sphereRadius(size, layout.spacing);
  }
}

/**
 * Positions of `size` neurons, xyz interleaved: neuron `i` at `[3i, 3i + 1, 3i + 2]`.
 * A grid fills x fastest, then y, then z (a cube centered on `center`); a layer is a square in
 * the x-z plane (a sheet facing up, as a cortical layer is drawn); a sphere spreads the
 * neurons evenly over its surface (a Fibonacci lattice), so even 10 neurons look round.
 *
 * @example neuronPositions(8, { shape: 'grid', center: { x: 0, y: 0, z: 0 }, spacing: 2 })
 *   // the 8 corners of a cube from -1 to 1
 */
export function neuronPositions(size: number, layout: Layout3d): Float32Array {
  const out = new Float32Array(size * 3);
  const { center, spacing } = layout;
  switch (layout.shape) {
    case 'grid': {
      const side = gridSide(size);
      const half = ((side - 1) * spacing) / 2;
      for (let i = 0; i < size; i++) {
        out[3 * i] = center.x - half + (i % side) * spacing;
        out[3 * i + 1] = center.y - half + (Math.floor(i / side) % side) * spacing;
        out[3 * i + 2] = center.z - half + Math.floor(i / (side * side)) * spacing;
      }
      break;
    }
    case 'layer': {
      const side = layerSide(size);
      const half = ((side - 1) * spacing) / 2;
      for (let i = 0; i < size; i++) {
        out[3 * i] = center.x - half + (i % side) * spacing;
        out[3 * i + 1] = center.y;
        out[3 * i + 2] = center.z - half + Math.floor(i / side) * spacing;
      }
      break;
    }
    case 'sphere': {
      const r = size === 1 ? 0 : sphereRadius(size, spacing);
      for (let i = 0; i < size; i++) {
        // Heights evenly spaced in (-1, 1) give equal areas (Archimedes' hat-box theorem).
        const y = 1 - (2 * (i + 0.5)) / size;
        const ring = Math.sqrt(Math.max(0, 1 - y * y));
        const a = i * GOLDEN_ANGLE;
        out[3 * i] = center.x + r * ring * Math.cos(a);
        out[3 * i + 1] = center.y + r * y;
        out[3 * i + 2] = center.z + r * ring * Math.sin(a);
      }
      break;
    }
  }
  return out;
}
