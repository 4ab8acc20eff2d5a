/**
 * The Loihi population's parameters and the Loihi synapse, with brian2-loihi's ranges and the
 * content of its messages (`parameter_checks.py`: "<name> has to be an integer.", "<name> has to
 * be between <low> and <high>."). Mantissas in the sign mode's range are a cross-check
 * (`checks/loihi.ts`), since the range depends on `sign_mode`.
 */
import {
  LOIHI_SIGN_MODES,
  LOIHI_TRACE_NAMES,
  type LoihiParams,
  type LoihiSynapse,
  type LoihiTrace,
  type LoihiTraceName,
} from '../document-loihi.ts';
import {
  array,
  describeValue,
  enumeration,
  INVALID,
  literal,
  number,
  object,
  optional,
  fieldPath,
  isRecord,
  report,
  string,
} from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

/**
 * An integer in [low, high] (high may be Infinity), refused with brian2-loihi's wording (one
 * issue, the first rule broken: type, integrality, range).
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
        const range =
          high === Infinity ? `greater or equal to ${low}` : `between ${low} and ${high}`;
        report(issues, path, `has to be ${range}, got ${got}`);
        return INVALID;
      }
      return value;
    },
    jsonSchema() {
      const bounds = high === Infinity ? { minimum: low } : { minimum: low, maximum: high };
      return { type: 'integer', ...bounds, description };
    },
  };
}

export const loihiParamsSchema: Schema<LoihiParams> = object({
  refractory: loihiInteger(1, 64, 'Refractory period, steps (1 = never held).'),
  threshold_v_mant: loihiInteger(0, 131071, 'Threshold mantissa; threshold = mantissa * 2^6.'),
  decay_v: loihiInteger(0, 4096, 'Voltage decay; tau_v = 4096 / decay_v steps.'),
  decay_I: loihiInteger(0, 4096, 'Current decay; tau_I = 4096 / decay_I steps.'),
});

const loihiTraceSchema: Schema<LoihiTrace> = object({
  impulse: loihiInteger(1, 127, 'Added on each spike (the trace saturates at 127).'),
  tau: loihiInteger(1, Infinity, 'Time constant, steps: each step x *= 1 - 1/tau.'),
});

const knownTraces = object(
  {
    x1: optional(loihiTraceSchema),
    x2: optional(loihiTraceSchema),
    y1: optional(loihiTraceSchema),
    y2: optional(loihiTraceSchema),
    y3: optional(loihiTraceSchema),
  },
  { description: 'The traces that are on (pre x1, x2; post y1, y2, y3); a missing one is off.' },
);

/** The traces that are on; an unknown name gets a message listing the five. */
const loihiTracesSchema: Schema<Partial<Record<LoihiTraceName, LoihiTrace>>> = {
  parse(value, path, issues) {
    if (!isRecord(value)) return knownTraces.parse(value, path, issues);
    const known: Record<string, unknown> = {};
    let ok = true;
    for (const [key, trace] of Object.entries(value)) {
      if ((LOIHI_TRACE_NAMES as readonly string[]).includes(key)) known[key] = trace;
      else {
        report(
          issues,
          fieldPath(path, key),
          `unknown trace; the traces are ${LOIHI_TRACE_NAMES.join(', ')}`,
        );
        ok = false;
      }
    }
    const parsed = knownTraces.parse(known, path, issues);
    return ok ? parsed : INVALID;
  },
  jsonSchema: () => knownTraces.jsonSchema(),
};

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
  dw: optional(
    string({
      description:
        "brian2-loihi's learning rule, e.g. '2^-2*x1*y0 - 2^-2*y1*x0' (x0, x1, x2, y0, y1, " +
        'y2, y3, u0..u9, w, sign(), integers, 2^k with k -7..9, +, -, *); empty: no learning.',
    }),
  ),
  traces: optional(loihiTracesSchema),
});
