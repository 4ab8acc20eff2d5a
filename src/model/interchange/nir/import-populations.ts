/** NIR Input and neuron nodes as document populations, with their report rows. */
import type { Population } from '../../document.ts';
import { type NirNeuronParams, type NirNeuronType } from '../../document-nir.ts';
import type { NirNode } from './graph.ts';
import type { NirImportOptions } from './import.ts';
import { claimId } from './import-naming.ts';
import { importNeuron } from './import-neuron.ts';
import { isNeuronType } from './import-roles.ts';
import { NirParamError, readNumbers, shapeSize } from './nir-read.ts';
import { coefficientRows } from './report-coefficients.ts';
import { describeValues, num } from './report-format.ts';
import type { NirMappingRow, NirReportRow } from './report.ts';

/** A population being imported: its node, shape, params and report row. */
export interface PopulationEntry {
  id: string;
  node: string;
  type: string;
  shape: number[];
  neuron?: NirNeuronType;
  params?: NirNeuronParams;
  bias?: number[];
  row: NirReportRow;
}

/** The population entry of an Input or neuron node; a `NirParamError` names a bad parameter. */
export function populationEntry(
  name: string,
  node: NirNode,
  shape: number[],
  options: NirImportOptions,
  dtMs: number,
  taken: Set<string>,
): PopulationEntry {
  const size = shapeSize(shape);
  if (!(size >= 1)) throw new NirParamError(`${name}: empty shape [${shape.join(', ')}]`);
  const id = claimId(name, taken);
  const shapeRow: NirMappingRow = {
    param: 'shape',
    nir: `[${shape.join(', ')}]`,
    spikelab: `size ${size}`,
    formula: 'C-order indices',
  };
  if (node.type === 'Input') {
    return {
      id,
      node: name,
      type: node.type,
      shape,
      row: {
        node: name,
        type: node.type,
        became: `population ${id} (spike_generator, no spikes yet)`,
        mapping: [shapeRow],
      },
    };
  }
  const type = node.type;
  if (!isNeuronType(type)) throw new NirParamError(`${name}: ${type} is not a neuron type`);
  // A graph Spikelab exported says how each population was stepped; that wins over the option.
  const own = node.metadata?.spikelab_discretisation;
  const discretisation = own === 'exact' || own === 'euler' ? own : options.discretisation;
  const neuron = importNeuron(node, name, type, size, options.timeUnit, discretisation);
  return {
    id,
    node: name,
    type,
    shape,
    neuron: type,
    params: neuron.params,
    row: {
      node: name,
      type,
      became: `population ${id} (nir_neuron ${type})`,
      mapping: [shapeRow, ...neuron.mapping, ...coefficientRows(neuron.params, dtMs, size)],
    },
  };
}

/** Delay node values as whole steps (`round(delay/dt)`), with the report row saying the rounding. */
export function delaySteps(
  node: NirNode,
  name: string,
  options: NirImportOptions,
): { steps: number[]; row: NirMappingRow } {
  const delay = readNumbers(node, name, 'delay').values;
  if (!delay.every((d) => d >= 0)) throw new NirParamError(`${name}.delay: must be >= 0`);
  const ratios = delay.map((d) => d / options.dt);
  const steps = ratios.map((r) => Math.round(r));
  const worst = ratios.reduce((m, r, i) => Math.max(m, Math.abs(r - (steps[i] ?? 0))), 0);
  const collapse = (values: number[]): number | number[] =>
    values.every((v) => v === values[0]) ? (values[0] ?? 0) : values;
  const rounding =
    worst > 1e-9
      ? `; rounded by up to ${num(worst)} step (${num(worst * options.dt)} ${options.timeUnit})`
      : ' (exact)';
  return {
    steps: steps.every((s) => s === steps[0]) ? [steps[0] ?? 0] : steps,
    row: {
      param: 'delay',
      nir: `${describeValues(collapse(delay), num)} ${options.timeUnit}`,
      spikelab: `${describeValues(collapse(steps), num)} steps`,
      formula: `steps = round(delay/dt) = round(${describeValues(collapse(ratios), num)})${rounding}`,
    },
  };
}

/** Adds a path's bias (per target neuron) to the target's constant input. */
export function addBias(target: PopulationEntry, bias: number[]): void {
  const current = target.bias ?? new Array<number>(bias.length).fill(0);
  target.bias = current.map((b, j) => b + (bias[j] ?? 0));
}

/** The document population of an entry. */
export function toPopulation(e: PopulationEntry, position: { x: number; y: number }): Population {
  const size = shapeSize(e.shape);
  const common = { id: e.id, size, ...(e.shape.length > 1 ? { shape: e.shape } : {}), position };
  if (e.params === undefined) {
    return { ...common, model: 'spike_generator', params: { indices: [], times: [], period: 0 } };
  }
  let params = e.params;
  if (e.bias !== undefined) {
    const bias = e.bias.every((b) => b === e.bias?.[0]) ? (e.bias[0] ?? 0) : e.bias;
    params = { ...params, bias };
    e.row.mapping.push({
      param: 'bias',
      nir: 'Affine/Conv bias of the incoming nodes',
      spikelab: describeValues(bias, num),
      formula: 'bias = sum of the incoming biases (seen through the nodes after them)',
    });
  }
  return { ...common, model: 'nir_neuron', params };
}
