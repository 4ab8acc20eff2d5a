/**
 * A population as a NIR node: `nir_neuron` back to its NIR type (times in seconds, IF/I `r` per
 * second); a `stochastic_lif` without noise or refractoriness as a LIF with euler semantics;
 * spike sources as Input nodes (their spikes are data, not graph). Anything else, and any field
 * NIR cannot hold, becomes a report entry.
 */
import type { NetworkDocument, Population } from '../../document.ts';
import { NIR_TYPE_FIELDS, nirField, type NirNeuronParams } from '../../document-nir.ts';
import type { NirNode } from './graph.ts';
import { nirParamName } from './import-neuron.ts';
import { float32Below, intArray, numbersArray, perNeuron } from './export-values.ts';
import type { NirMappingRow, NirNotImported, NirReportRow } from './report.ts';
import { describeValues, f32, num } from './report-format.ts';

export interface ExportedPopulation {
  id: string;
  shape: number[];
  node: NirNode;
  /** Whether projections may end here (an Input may only start them). */
  accepts: boolean;
  /** Incoming delta weights are written as `w * weightFactor` (stochastic_lif: see below). */
  weightFactor: number;
  /** A constant input per neuron an incoming Affine/Conv bias must carry, or null. */
  bias: number[] | null;
  row: NirReportRow;
}

/** The population as a NIR node, or undefined (with `dropped` entries) when NIR has no form for it. */
export function exportPopulation(
  pop: Population,
  doc: NetworkDocument,
  dropped: NirNotImported[],
): ExportedPopulation | undefined {
  const shape = pop.shape ?? [pop.size];
  switch (pop.model) {
    case 'nir_neuron':
      return exportNirNeuron(pop.id, shape, pop.size, pop.params, dropped);
    case 'stochastic_lif':
      return exportStochasticLif(pop, shape, doc, dropped);
    case 'poisson':
    case 'spike_generator': {
      const what =
        pop.model === 'poisson'
          ? `its rate (${num(pop.params.rate)} Hz) is`
          : 'its spike times are';
      dropped.push({
        node: pop.id,
        type: pop.model,
        reason: `exported as an Input node; ${what} data NIR does not hold`,
      });
      return {
        id: pop.id,
        shape,
        node: { type: 'Input', params: { shape: intArray(shape) } },
        accepts: false,
        weightFactor: 1,
        bias: null,
        row: {
          node: pop.id,
          type: pop.model,
          became: 'Input',
          mapping: [
            {
              param: 'shape',
              nir: `[${shape.join(', ')}]`,
              spikelab: `size ${pop.size}`,
              formula: 'C order',
            },
          ],
        },
      };
    }
    case 'sc_dense':
    case 'loihi':
    case 'izhikevich':
    case 'adex':
    case 'dynapsim':
    case 'fixed_point_lif':
      dropped.push({
        node: pop.id,
        type: pop.model,
        reason: `NIR has no ${pop.model} neuron; not exported (nor its projections)`,
      });
      return undefined;
  }
}

function exportNirNeuron(
  id: string,
  shape: number[],
  size: number,
  params: NirNeuronParams,
  dropped: NirNotImported[],
): ExportedPopulation {
  const out: NirNode = {
    type: params.type,
    params: {},
    metadata: { spikelab_discretisation: params.discretisation },
  };
  const mapping: NirMappingRow[] = [];
  for (const field of NIR_TYPE_FIELDS[params.type]) {
    const value = nirField(params, field) ?? 0;
    const nirName = nirParamName(params.type, field);
    let factor = 1;
    let formula = `${nirName} = ${field}`;
    if (field === 'tau_mem' || field === 'tau_syn') {
      factor = 1e-3;
      formula = `${nirName} = ${field} / 1000 (ms -> s)`;
    } else if (field === 'r' && (params.type === 'IF' || params.type === 'I')) {
      factor = 1e3;
      formula = 'r_nir = r * 1000 (per ms -> per s)';
    }
    const values = perNeuron(value, size).map((v) => (factor === 1e-3 ? v / 1000 : v * factor));
    out.params[nirName] = numbersArray(shape, values);
    mapping.push({
      param: nirName,
      nir: describeValues(collapse(values), num),
      spikelab: `${field} ${describeValues(value, num)}`,
      formula,
    });
  }
  const vInit = perNeuron(params.v_init, size);
  if (vInit.some((v) => v !== 0)) {
    dropped.push({
      node: id,
      type: `${params.type}.v_init`,
      reason: `NIR has no initial state; v_init ${describeValues(params.v_init, num)} dropped (NIR starts at 0)`,
    });
  }
  mapping.push({
    param: 'discretisation',
    nir: 'continuous time',
    spikelab: params.discretisation,
    formula: `import with discretisation ${params.discretisation} to step it the same way`,
  });
  const bias = perNeuron(params.bias, size);
  return {
    id,
    shape,
    node: out,
    accepts: true,
    weightFactor: 1,
    bias: bias.some((b) => b !== 0) ? bias : null,
    row: { node: id, type: 'nir_neuron', became: params.type, mapping },
  };
}

function collapse(values: number[]): number | number[] {
  return values.every((v) => v === values[0]) ? (values[0] ?? 0) : values;
}

/**
 * Spikelab's LIF is `V += -(V - v_rest) dt/tau_mem + resistance I dt`, NIR's LIF with euler
 * `V += (v_leak - V) dt/tau + r I dt/tau`: tau = tau_mem, r = resistance * tau_mem,
 * v_leak = v_rest. A delta weight w lands on V after the step and leaks once before the next
 * threshold test; in NIR it is an input current for one step: w_nir = w (1 - dt/tau_mem) /
 * (resistance dt) gives the same V at every threshold test. Spikelab fires at V >= thr, NIR at
 * V > thr: the threshold written is the largest float32 below thr.
 */
function exportStochasticLif(
  pop: Extract<Population, { model: 'stochastic_lif' }>,
  shape: number[],
  doc: NetworkDocument,
  dropped: NirNotImported[],
): ExportedPopulation | undefined {
  const p = pop.params;
  const dt = doc.run.dt;
  const rdt = p.resistance * dt;
  if (p.noise_std !== 0) {
    dropped.push({
      node: pop.id,
      type: 'stochastic_lif.noise_std',
      reason: `NIR neurons have no noise; noise_std ${num(p.noise_std)} dropped`,
    });
  }
  if (p.refractory_period !== 0) {
    dropped.push({
      node: pop.id,
      type: 'stochastic_lif.refractory_period',
      reason: `NIR's LIF has no refractory period; ${num(p.refractory_period)} ms dropped`,
    });
  }
  if (!(p.v_init.kind === 'constant' && p.v_init.value === 0)) {
    dropped.push({
      node: pop.id,
      type: 'stochastic_lif.v_init',
      reason: 'NIR has no initial state; v_init dropped (NIR starts at 0)',
    });
  }
  const size = pop.size;
  const thr = float32Below(p.v_threshold);
  const node: NirNode = {
    type: 'LIF',
    params: {
      tau: numbersArray(shape, perNeuron(p.tau_mem / 1000, size)),
      r: numbersArray(shape, perNeuron(p.resistance * p.tau_mem, size)),
      v_leak: numbersArray(shape, perNeuron(p.v_rest, size)),
      v_threshold: numbersArray(shape, perNeuron(thr, size)),
      v_reset: numbersArray(shape, perNeuron(p.v_reset, size)),
    },
    metadata: { spikelab_discretisation: 'euler' },
  };
  const leak = dt / p.tau_mem;
  const weightFactor = rdt === 0 ? Number.NaN : (1 - leak) / rdt;
  const mapping: NirMappingRow[] = [
    {
      param: 'tau',
      nir: `${num(p.tau_mem / 1000)} s`,
      spikelab: `tau_mem ${num(p.tau_mem)} ms`,
      formula: 'tau = tau_mem / 1000',
    },
    {
      param: 'r',
      nir: num(p.resistance * p.tau_mem),
      spikelab: `resistance ${num(p.resistance)}`,
      formula: 'r = resistance * tau_mem (euler: r dt/tau = resistance dt)',
    },
    {
      param: 'v_leak',
      nir: num(p.v_rest),
      spikelab: `v_rest ${num(p.v_rest)}`,
      formula: 'v_leak = v_rest',
    },
    {
      param: 'v_threshold',
      nir: f32(thr),
      spikelab: `v_threshold ${num(p.v_threshold)}`,
      formula: 'largest float32 below v_threshold: Spikelab fires at V >= thr, NIR at V > thr',
    },
    {
      param: 'v_reset',
      nir: num(p.v_reset),
      spikelab: `v_reset ${num(p.v_reset)}`,
      formula: 'v_reset = v_reset',
    },
    {
      param: 'weights in',
      nir: 'w_nir',
      spikelab: 'delta weight w',
      formula: `w_nir = w * (1 - dt/tau_mem) / (resistance * dt) = w * ${num(weightFactor)} (dt = ${num(dt)} ms)`,
    },
    {
      param: 'discretisation',
      nir: 'continuous time',
      spikelab: 'euler (forward Euler, as the stochastic LIF)',
      formula: `import with euler and dt = ${num(dt / 1000)} s`,
    },
  ];
  return {
    id: pop.id,
    shape,
    node,
    accepts: true,
    weightFactor,
    bias: p.bias === 0 ? null : new Array<number>(size).fill(p.bias),
    row: { node: pop.id, type: 'stochastic_lif', became: 'LIF', mapping },
  };
}
