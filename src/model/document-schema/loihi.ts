/**
 * The Loihi population's parameters and the Loihi synapse, with brian2-loihi's ranges and the
 * content of its messages (`parameter_checks.py`: "<name> has to be an integer.", "<name> has to
 * be between <low> and <high>."). Mantissas in the sign mode's range are a cross-check
 * (`checks/loihi.ts`), since the range depends on `sign_mode`.
 */
import { LOIHI_SIGN_MODES, type LoihiParams, type LoihiSynapse } from '../document-loihi.ts';
import {
  array,
  describeValue,
  enumeration,
  INVALID,
  literal,
  number,
  object,
  optional,
  report,
} from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

/**
 * An integer in [low, high], refused with brian2-loihi's wording (one issue, the first rule
 * broken: type, integrality, range).
 */
export function loihiInteger(low: number, high: number, description: string): Schema<number> {
  return {
    parse(value, path, issues) {
      const got = describeValue(value);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report(issues, path, `must be a finite number, got ${got}`);
        return INVALID;
      }
      if (!Number.isInteger(value)) {
        report(issues, path, `has to be an integer, got ${got}`);
        return INVALID;
      }
      if (value < low || value > high) {
        report(issues, path, `has to be between ${low} and ${high}, got ${got}`);
        return INVALID;
      }
      return value;
    },
    jsonSchema() {
      return { type: 'integer', minimum: low, maximum: high, description };
    },
  };
}

export const loihiParamsSchema: Schema<LoihiParams> = object({
  refractory: loihiInteger(1, 64, 'Refractory period, steps (1 = never held).'),
  threshold_v_mant: loihiInteger(0, 131071, 'Threshold mantissa; threshold = mantissa * 2^6.'),
  decay_v: loihiInteger(0, 4096, 'Voltage decay; tau_v = 4096 / decay_v steps.'),
  decay_I: loihiInteger(0, 4096, 'Current decay; tau_I = 4096 / decay_I steps.'),
});

export const loihiSynapseSchema: Schema<LoihiSynapse> = object({
  kind: literal('loihi'),
  w_exp: loihiInteger(-8, 7, 'Weight exponent: the mantissa is scaled by 2^(6 + w_exp).'),
  sign_mode: enumeration(LOIHI_SIGN_MODES),
  num_weight_bits: loihiInteger(0, 8, 'Bits of weight precision.'),
  mantissas: optional(
    array(number({ integer: true }), {
      description:
        'One weight mantissa per synapse, sources ascending then targets ascending ' +
        '(all_to_all or one_to_one only); replaces the projection weight.',
    }),
  ),
});
