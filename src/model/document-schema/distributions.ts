/**
 * Per-neuron and per-synapse value distributions, shared by several parts of the document.
 */
import type { Distribution, InitialValue } from '../document.ts';
import { literal, number, object, taggedUnion } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

const constant = object({ kind: literal('constant'), value: number() });
const uniform = object({ kind: literal('uniform'), low: number(), high: number() });
const normal = object({ kind: literal('normal'), mean: number(), std: number({ min: 0 }) });

/** A weight: constant, uniform in [low, high] or normal (the low <= high check is a cross-check). */
export const distributionSchema: Schema<Distribution> = taggedUnion('kind', {
  constant,
  uniform,
  normal,
});

/** The initial membrane potential of each neuron. */
export const initialValueSchema: Schema<InitialValue> = taggedUnion('kind', { constant, uniform });
