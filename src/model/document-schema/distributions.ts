/**
 * Per-neuron and per-synapse value distributions, shared by several parts of the document.
 */
import type { Distribution, InitialValue } from '../document.ts';
import { array, literal, number, object, taggedUnion } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

const constant = object({ kind: literal('constant'), value: number() });
const uniform = object({ kind: literal('uniform'), low: number(), high: number() });
const normal = object({ kind: literal('normal'), mean: number(), std: number({ min: 0 }) });
const explicit = object({
  kind: literal('explicit'),
  values: array(number(), {
    description:
      'One weight per synapse, sources ascending then targets ascending (all_to_all or ' +
      'one_to_one only, so the count is known).',
  }),
});

/**
 * A weight: constant, uniform in [low, high], normal, or one explicit value per synapse (the
 * low <= high and value-count checks are cross-checks).
 */
export const distributionSchema: Schema<Distribution> = taggedUnion('kind', {
  constant,
  uniform,
  normal,
  explicit,
});

/** The initial membrane potential of each neuron. */
export const initialValueSchema: Schema<InitialValue> = taggedUnion('kind', { constant, uniform });
