/**
 * The one schema of the network document. Validation (`validate.ts`) and the JSON Schema export
 * (`json-schema.ts`) are both derived from `documentSchema`, so they cannot drift apart.
 */
import {
  BACKEND_CHOICES,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type NetworkDocument,
  type RunSettings,
} from '../document.ts';
import { SEED_LIMIT } from '../limits.ts';
import {
  array,
  enumeration,
  literal,
  number,
  object,
  optional,
  string,
  withDefault,
} from '../schema/index.ts';
import type { Infer, Schema } from '../schema/index.ts';
import { populationSchema } from './populations.ts';
import { liveControlSchema } from './live.ts';
import { projectionSchema } from './projections.ts';
import { probeSchema, stimulusSchema } from './stimuli-probes.ts';

const runSchema: Schema<RunSettings> = object({
  dt: number({ gt: 0, description: 'Integration step, ms.' }),
  duration: number({ gt: 0, description: 'Length of a run, ms.' }),
  seed: number({ integer: true, min: 0, lt: SEED_LIMIT }),
  backend: withDefault(enumeration(BACKEND_CHOICES), 'auto'),
});

const shape = {
  format: literal(DOCUMENT_FORMAT),
  version: literal(DOCUMENT_VERSION),
  name: string(),
  description: optional(string()),
  populations: array(populationSchema),
  projections: withDefault(array(projectionSchema), []),
  stimuli: withDefault(array(stimulusSchema), []),
  probes: withDefault(array(probeSchema), []),
  run: runSchema,
  live: optional(array(liveControlSchema)),
};

/** The whole document, shape only; cross-references are checked in `checks/`. */
export const documentSchema = object(shape, {
  description: 'A Spikelab network: populations, projections, stimuli, probes and run settings.',
});

// Compile-time proof that the schema and the hand-written types in document.ts agree both ways.
type Parsed = Infer<typeof documentSchema>;
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_TYPES: Agrees<Parsed, NetworkDocument> = true;
