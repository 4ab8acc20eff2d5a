/**
 * The `sc_dense` model's parameters (the sc-neurocore tutorial's `SCDenseLayer`). Ranges that
 * involve two fields (x_max > x_min, w_max > w_min) and the channel count are cross-checks.
 */
import type { ScDenseParams, ScInputs } from '../document.ts';
import { MAX_SC_LENGTH, SEED_LIMIT } from '../limits.ts';
import {
  array,
  enumeration,
  literal,
  number,
  object,
  optional,
  string,
  taggedUnion,
  withDefault,
} from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { fixedPointWidths } from './fixed-point-lif.ts';

/** Constant values, one channel each; or the spike rates of another population's neurons. */
const inputsSchema: Schema<ScInputs> = taggedUnion('kind', {
  constant: object({
    kind: literal('constant'),
    values: array(number(), { description: 'One input value per channel, in [x_min, x_max].' }),
  }),
  rates: object({
    kind: literal('rates'),
    // A population id, as `idSchema` (populations.ts imports this file, so not from there).
    source: string({ minLength: 1 }),
    tau: number({ gt: 0, description: 'Time constant of the rate estimate, ms.' }),
  }),
});

/** Parameters of an SC dense layer; "off" values (no noise, no refractoriness) may be left out. */
export const scDenseParamsSchema: Schema<ScDenseParams> = object({
  inputs: inputsSchema,
  weights: array(number(), { description: 'One weight per input channel, in [w_min, w_max].' }),
  x_min: number(),
  x_max: number(),
  w_min: number(),
  w_max: number(),
  length: number({
    integer: true,
    min: 1,
    max: MAX_SC_LENGTH,
    description: 'Bitstream length, bits; the streams wrap after this many steps.',
  }),
  y_min: number(),
  y_max: number(),
  scaling: withDefault(enumeration(['sum', 'mean']), 'sum'),
  v_rest: withDefault(number(), 0),
  v_reset: withDefault(number(), 0),
  v_threshold: number(),
  tau_mem: number({ gt: 0, description: 'Membrane time constant, ms.' }),
  resistance: number(),
  noise_std: withDefault(number({ min: 0 }), 0),
  refractory_period: withDefault(number({ min: 0, description: 'ms' }), 0),
  base_seed: number({
    integer: true,
    min: 0,
    lt: SEED_LIMIT,
    description: "Seed of the layer's bitstreams and noise (not the run's seed).",
  }),
  // Present: the layer integrates in fixed_point_lif's arithmetic (the hardware form).
  fixed_point: optional(object(fixedPointWidths)),
});
