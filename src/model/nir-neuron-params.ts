/**
 * Edits of `nir_neuron` parameters that change their shape: another NIR type keeps the fields
 * both types have and takes the rest from the defaults; a per-neuron array is summarised for the
 * inspector.
 */
import type { NirNeuronParams, NirNeuronType, NirValue } from './document-nir.ts';
import { nirField, nirNumberFields } from './document-nir.ts';
import { defaultParams } from './defaults.ts';

/**
 * `params` as type `type`: discretisation, bias, v_init and the shared fields kept, fields the
 * new type lacks dropped, missing ones from the defaults (a CubaLIF has every field).
 *
 * @example withNirType({ type: 'LIF', ... tau_mem: [5, 6] }, 'LI').tau_mem // [5, 6]
 */
export function withNirType(params: NirNeuronParams, type: NirNeuronType): NirNeuronParams {
  const defaults = defaultParams('nir_neuron');
  const out: Record<string, unknown> = { type, discretisation: params.discretisation };
  for (const key of nirNumberFields(type)) {
    out[key] = nirField(params, key) ?? nirField(defaults, key) ?? 0;
  }
  // The keys are exactly those of `type` (nirNumberFields), which the schema requires.
  return out as unknown as NirNeuronParams;
}

/**
 * How the inspector shows a value: a number as itself, an array as
 * `per neuron: N values, min..max` (or `all x` when every entry is the same).
 *
 * @example describeNirValue([1, 3, 2]) // 'per neuron: 3 values, 1..3'
 */
export function describeNirValue(value: NirValue): string {
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return 'per neuron: no values';
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of value) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const range = lo === hi ? `all ${lo}` : `${lo}..${hi}`;
  return `per neuron: ${value.length} values, ${range}`;
}
