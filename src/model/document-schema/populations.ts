/**
 * Populations: the fields common to every model, and each model's parameters.
 */
import type {
  Population,
  PoissonParams,
  SpikeGeneratorParams,
  StochasticLifParams,
} from '../document.ts';
import { MAX_POPULATION_SIZE } from '../limits.ts';
import {
  array,
  literal,
  number,
  object,
  optional,
  string,
  taggedUnion,
  withDefault,
} from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { initialValueSchema } from './distributions.ts';
import { loihiParamsSchema } from './loihi.ts';
import { dynapsimParamsSchema } from './dynapsim.ts';
import { scDenseParamsSchema } from './sc-dense.ts';
import { adexParamsSchema, izhikevichParamsSchema } from './classic-models.ts';
import { fixedPointLifParamsSchema } from './fixed-point-lif.ts';
import { nirNeuronParamsSchema } from './nir-neuron.ts';
import { layout3dSchema } from './layout3d.ts';
import { rateSeriesSchema } from './series.ts';

/** Ids are non-empty strings; uniqueness and references are cross-checks (see `checks/`). */
export const idSchema: Schema<string> = string({ minLength: 1 });

const lifParams: Schema<StochasticLifParams> = object({
  v_rest: number(),
  v_reset: number(),
  v_threshold: number(),
  tau_mem: number({ gt: 0, description: 'Membrane time constant, ms.' }),
  resistance: number(),
  // The "off" values are safe defaults, so a hand-written file may leave them out.
  noise_std: withDefault(number({ min: 0 }), 0),
  refractory_period: withDefault(number({ min: 0, description: 'ms' }), 0),
  bias: withDefault(number(), 0),
  v_init: initialValueSchema,
});

const poissonParams: Schema<PoissonParams> = object({
  rate: number({ min: 0, description: 'Hz' }),
  rate_series: optional(rateSeriesSchema),
});

const spikeGeneratorParams: Schema<SpikeGeneratorParams> = object({
  indices: array(number({ integer: true, min: 0 })),
  times: array(number({ min: 0, description: 'ms' })),
  period: withDefault(number({ min: 0, description: 'ms; 0 plays the pattern once' }), 0),
});

const size = number({ integer: true, min: 1, max: MAX_POPULATION_SIZE });
const position = withDefault(object({ x: number(), y: number() }), { x: 0, y: 0 });
const label = optional(string());
const layout3d = optional(layout3dSchema);
/** Optional tensor shape in C order; its product must equal `size` (a cross-check). */
const shape = optional(
  array(number({ integer: true, min: 1 }), { description: 'C order; product = size.' }),
);

/** One population; `model` picks the parameter set. */
export const populationSchema: Schema<Population> = taggedUnion('model', {
  stochastic_lif: object({
    id: idSchema,
    label,
    model: literal('stochastic_lif'),
    size,
    shape,
    position,
    layout3d,
    params: lifParams,
  }),
  poisson: object({
    id: idSchema,
    label,
    model: literal('poisson'),
    size,
    shape,
    position,
    layout3d,
    params: poissonParams,
  }),
  spike_generator: object({
    id: idSchema,
    label,
    model: literal('spike_generator'),
    size,
    shape,
    position,
    layout3d,
    params: spikeGeneratorParams,
  }),
  sc_dense: object({
    id: idSchema,
    label,
    model: literal('sc_dense'),
    size,
    shape,
    position,
    layout3d,
    params: scDenseParamsSchema,
  }),
  loihi: object({
    id: idSchema,
    label,
    model: literal('loihi'),
    size,
    shape,
    position,
    layout3d,
    params: loihiParamsSchema,
  }),
  izhikevich: object({
    id: idSchema,
    label,
    model: literal('izhikevich'),
    size,
    shape,
    position,
    layout3d,
    params: izhikevichParamsSchema,
  }),
  adex: object({
    id: idSchema,
    label,
    model: literal('adex'),
    size,
    shape,
    position,
    layout3d,
    params: adexParamsSchema,
  }),
  dynapsim: object({
    id: idSchema,
    label,
    model: literal('dynapsim'),
    size,
    shape,
    position,
    layout3d,
    params: dynapsimParamsSchema,
  }),
  fixed_point_lif: object({
    id: idSchema,
    label,
    model: literal('fixed_point_lif'),
    size,
    shape,
    position,
    layout3d,
    params: fixedPointLifParamsSchema,
  }),
  nir_neuron: object({
    id: idSchema,
    label,
    model: literal('nir_neuron'),
    size,
    shape,
    position,
    layout3d,
    params: nirNeuronParamsSchema,
  }),
});
