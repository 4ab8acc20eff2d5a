/**
 * Projections: connectivity rule, weights, delays, synapse kind and plasticity.
 */
import type { Connectivity, DelaySpec, Projection, SynapseSpec } from '../document.ts';
import { MAX_DELAY_STEPS } from '../limits.ts';
import {
  array,
  boolean,
  literal,
  number,
  object,
  optional,
  string,
  taggedUnion,
} from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { distributionSchema } from './distributions.ts';
import { convConnectivityVariants } from './conv.ts';
import { loihiSynapseSchema } from './loihi.ts';
import { dpiSynapseSchema } from './dynapsim.ts';
import { idSchema } from './populations.ts';
import { plasticityRuleSchema, stpSchema, structuralSchema } from './plasticity.ts';

const connectivitySchema: Schema<Connectivity> = taggedUnion('rule', {
  all_to_all: object({ rule: literal('all_to_all'), allow_self: boolean() }),
  one_to_one: object({ rule: literal('one_to_one') }),
  fixed_probability: object({
    rule: literal('fixed_probability'),
    p: number({ min: 0, max: 1 }),
    allow_self: boolean(),
  }),
  fixed_fan_in: object({
    rule: literal('fixed_fan_in'),
    k: number({ integer: true, min: 0 }),
    allow_self: boolean(),
  }),
  ...convConnectivityVariants,
});

const delaySteps = number({ integer: true, min: 0, max: MAX_DELAY_STEPS, description: 'steps' });

const delaySchema: Schema<DelaySpec> = taggedUnion('kind', {
  constant: object({ kind: literal('constant'), steps: delaySteps }),
  uniform_int: object({ kind: literal('uniform_int'), low: delaySteps, high: delaySteps }),
  explicit: object({
    kind: literal('explicit'),
    steps: array(delaySteps, { description: 'One delay per synapse in connection order.' }),
  }),
});

const synapseSchema: Schema<SynapseSpec> = taggedUnion('kind', {
  delta: object({ kind: literal('delta') }),
  exponential: object({
    kind: literal('exponential'),
    tau: number({ gt: 0, description: 'Decay time constant of the synaptic current, ms.' }),
  }),
  loihi: loihiSynapseSchema,
  dpi: dpiSynapseSchema,
});

/** One projection from population `source` to population `target`. */
export const projectionSchema: Schema<Projection> = object({
  id: idSchema,
  label: optional(string()),
  source: idSchema,
  target: idSchema,
  connectivity: connectivitySchema,
  weight: distributionSchema,
  delay: delaySchema,
  synapse: synapseSchema,
  plasticity: optional(plasticityRuleSchema),
  stp: optional(stpSchema),
  structural: optional(structuralSchema),
});
