/**
 * A population's 3D layout (`Population.layout3d`): shape, center and neuron spacing.
 */
import type { Layout3d } from '../document.ts';
import { LAYOUT3D_SHAPES } from '../document.ts';
import { MAX_LAYOUT3D_COORD, MAX_LAYOUT3D_SPACING } from '../limits.ts';
import { enumeration, number, object } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

const coord = number({ min: -MAX_LAYOUT3D_COORD, max: MAX_LAYOUT3D_COORD });

export const layout3dSchema: Schema<Layout3d> = object({
  shape: enumeration(LAYOUT3D_SHAPES),
  center: object({ x: coord, y: coord, z: coord }),
  spacing: number({
    gt: 0,
    max: MAX_LAYOUT3D_SPACING,
    description: 'Distance between neighbouring neurons, 3D view units.',
  }),
});
