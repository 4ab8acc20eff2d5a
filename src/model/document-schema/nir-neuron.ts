/**
 * Parameters of the `nir_neuron` model (`document-nir.ts`), a union tagged by `type`: each type
 * has exactly its own fields (an unknown one, such as `refractory_period`, is refused). Every
 * number is one value or an array of values; that an array has `size` entries is a cross-check
 * (`checks/nir-neuron.ts`), since the schema of params cannot see the population's size.
 */
import type { NirNeuronParams, NirValue } from '../document-nir.ts';
import { NIR_DISCRETISATIONS } from '../document-nir.ts';
import {
  INVALID,
  array,
  describeValue,
  enumeration,
  literal,
  number,
  object,
  report,
  taggedUnion,
  withDefault,
} from '../schema/index.ts';
import type { NumberOptions, Schema } from '../schema/index.ts';

/**
 * A finite number (bounded by `options`) or an array of such numbers, one per neuron.
 *
 * @example numberOrArray({ gt: 0 }) // accepts 5 and [5, 6], refuses [5, -1] at `[1]`
 */
export function numberOrArray(options: NumberOptions = {}): Schema<NirValue> {
  const one = number(options);
  const many = array(one);
  return {
    parse(value, path, issues) {
      if (Array.isArray(value)) return many.parse(value, path, issues);
      if (typeof value === 'number') return one.parse(value, path, issues);
      report(issues, path, `must be a number or an array of numbers, got ${describeValue(value)}`);
      return INVALID;
    },
    jsonSchema: () => ({ oneOf: [one.jsonSchema(), many.jsonSchema()] }),
  };
}

const tau = numberOrArray({ gt: 0, description: 'Time constant, ms (> 0).' });
const value = numberOrArray();
const common = {
  discretisation: enumeration(NIR_DISCRETISATIONS),
  bias: withDefault(value, 0),
  v_init: withDefault(value, 0),
};

/** The seven NIR neuron types and their fields. */
export const nirNeuronParamsSchema: Schema<NirNeuronParams> = taggedUnion('type', {
  LIF: object({
    type: literal('LIF'),
    ...common,
    tau_mem: tau,
    r: value,
    v_leak: value,
    v_threshold: value,
    v_reset: value,
  }),
  IF: object({ type: literal('IF'), ...common, r: value, v_threshold: value, v_reset: value }),
  LI: object({ type: literal('LI'), ...common, tau_mem: tau, r: value, v_leak: value }),
  I: object({ type: literal('I'), ...common, r: value }),
  CubaLIF: object({
    type: literal('CubaLIF'),
    ...common,
    tau_mem: tau,
    tau_syn: tau,
    r: value,
    v_leak: value,
    v_threshold: value,
    v_reset: value,
    w_in: value,
  }),
  CubaLI: object({
    type: literal('CubaLI'),
    ...common,
    tau_mem: tau,
    tau_syn: tau,
    r: value,
    v_leak: value,
    w_in: value,
  }),
  Threshold: object({ type: literal('Threshold'), ...common, v_threshold: value }),
});
