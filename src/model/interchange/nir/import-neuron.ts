/**
 * A NIR neuron node (LIF, IF, LI, I, CubaLIF, CubaLI, Threshold) as the parameters of a
 * `nir_neuron` population: NIR's names mapped to ours (LIF/LI `tau` -> `tau_mem`, Threshold's
 * `threshold` -> `v_threshold`), times from NIR's unit to ms, IF/I `r` per ms, missing
 * `v_reset` 0 and `w_in` 1 (NIR's defaults), one number when every neuron has the same value.
 */
import {
  NIR_TYPE_FIELDS,
  type NirDiscretisation,
  type NirNeuronParams,
  type NirNeuronType,
  type NirNumberField,
} from '../../document-nir.ts';
import type { NirNode } from './graph.ts';
import { hasParam, NirParamError, readNumbers } from './nir-read.ts';
import type { NirMappingRow } from './report.ts';
import { describeValues, num } from './report-format.ts';

export interface NeuronImport {
  /** The population's params with `bias` 0 and `v_init` 0 (the caller adds incoming biases). */
  params: NirNeuronParams;
  mapping: NirMappingRow[];
}

/** NIR's name of a document field for `type`. */
export function nirParamName(type: NirNeuronType, field: NirNumberField): string {
  if (field === 'tau_mem' && (type === 'LIF' || type === 'LI')) return 'tau';
  if (field === 'v_threshold' && type === 'Threshold') return 'threshold';
  return field;
}

/** NIR's defaults for optional fields (NIR's `v_reset` is 0, `w_in` 1 when a writer omits them). */
const DEFAULTS: Partial<Record<NirNumberField, number>> = { v_reset: 0, w_in: 1 };

/** Reads `node` as a `nir_neuron` of `size` neurons; a `NirParamError` names a bad parameter. */
export function importNeuron(
  node: NirNode,
  name: string,
  type: NirNeuronType,
  size: number,
  timeUnit: 's' | 'ms',
  discretisation: NirDiscretisation,
): NeuronImport {
  const fields: Record<string, number | number[]> = {};
  const mapping: NirMappingRow[] = [];
  for (const field of NIR_TYPE_FIELDS[type]) {
    const nirName = nirParamName(type, field);
    const fallback = DEFAULTS[field];
    let values: number[];
    let nirText: string;
    if (hasParam(node, nirName)) {
      values = readNumbers(node, name, nirName).values;
      nirText = `${nirName} = ${describeValues(values.length === 1 ? (values[0] ?? 0) : values, num)}`;
    } else if (fallback !== undefined) {
      values = [fallback];
      nirText = `${nirName} absent (NIR default ${fallback})`;
    } else {
      throw new NirParamError(`${name}.${nirName}: missing (${type} needs it)`);
    }
    if (values.length !== 1 && values.length !== size) {
      throw new NirParamError(`${name}.${nirName}: ${values.length} values for ${size} neurons`);
    }
    const { factor, formula } = conversion(type, field, nirName, timeUnit);
    const converted = values.map((v) => v * factor);
    if ((field === 'tau_mem' || field === 'tau_syn') && !converted.every((v) => v > 0)) {
      throw new NirParamError(`${name}.${nirName}: time constants must be > 0`);
    }
    const value = converted.every((v) => v === converted[0]) ? (converted[0] ?? 0) : converted;
    fields[field] = value;
    mapping.push({ param: field, nir: nirText, spikelab: describeValues(value, num), formula });
  }
  const params = { type, discretisation, ...fields, bias: 0, v_init: 0 } as NirNeuronParams;
  mapping.push({
    param: 'discretisation',
    nir: 'continuous time',
    spikelab: discretisation,
    formula:
      discretisation === 'exact'
        ? 'exact integration of a constant input over each step'
        : 'one forward-Euler step per dt',
  });
  return { params, mapping };
}

function conversion(
  type: NirNeuronType,
  field: NirNumberField,
  nirName: string,
  timeUnit: 's' | 'ms',
): { factor: number; formula: string } {
  const seconds = timeUnit === 's';
  if (field === 'tau_mem' || field === 'tau_syn') {
    return seconds
      ? { factor: 1000, formula: `${field} = ${nirName} * 1000 (s -> ms)` }
      : { factor: 1, formula: `${field} = ${nirName} (already ms)` };
  }
  if (field === 'r' && (type === 'IF' || type === 'I')) {
    // IF/I integrate dv/dt = r I: r is per NIR time unit; the step multiplies by dt in ms.
    return seconds
      ? { factor: 1e-3, formula: 'r = r_nir * 1e-3 (per s -> per ms: gain = r * dt with dt in ms)' }
      : { factor: 1, formula: 'r = r_nir (per ms)' };
  }
  return { factor: 1, formula: `${field} = ${nirName}` };
}
