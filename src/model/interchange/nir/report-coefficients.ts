/**
 * The step coefficients of a `nir_neuron` population as the report shows them, computed exactly
 * as the contract's compile does (float64, then rounded to float32): each row's formula ends in
 * `= value` (or `= lo..hi` per neuron), so a reader and a test can check it against the plan.
 */
import type { NirNeuronParams } from '../../document-nir.ts';
import { nirField, nirHasSynapse, nirSpikes } from '../../document-nir.ts';
import type { NirMappingRow } from './report.ts';
import { describeValues, f32 } from './report-format.ts';

/** Per-neuron float32 coefficients of the step (CONTEXT.md step 2g). */
export interface NirCoefficients {
  leak: number[];
  gain: number[];
  synDecay?: number[];
  synGain?: number[];
}

function at(value: number | number[] | undefined, j: number, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === 'number' ? value : (value[j] ?? fallback);
}

/** The coefficients of `params` at step `dt` (ms) for `size` neurons. */
export function nirCoefficients(
  params: NirNeuronParams,
  dt: number,
  size: number,
): NirCoefficients {
  const euler = params.discretisation === 'euler';
  const tauMem = nirField(params, 'tau_mem');
  const tauSyn = nirField(params, 'tau_syn');
  const r = nirField(params, 'r');
  const wIn = nirField(params, 'w_in');
  const leak: number[] = [];
  const gain: number[] = [];
  const synDecay: number[] = [];
  const synGain: number[] = [];
  for (let j = 0; j < size; j += 1) {
    switch (params.type) {
      case 'IF':
      case 'I':
        leak.push(0);
        gain.push(Math.fround(at(r, j, 1) * dt));
        break;
      case 'Threshold':
        leak.push(1);
        gain.push(1);
        break;
      case 'LIF':
      case 'LI':
      case 'CubaLIF':
      case 'CubaLI': {
        const x = dt / at(tauMem, j, 1);
        const f = euler ? x : 1 - Math.exp(-x);
        leak.push(Math.fround(f));
        gain.push(Math.fround(at(r, j, 1) * f));
      }
    }
    if (nirHasSynapse(params.type)) {
      const y = dt / at(tauSyn, j, 1);
      synDecay.push(Math.fround(euler ? 1 - y : Math.exp(-y)));
      synGain.push(Math.fround(at(wIn, j, 1) * (euler ? y : 1 - Math.exp(-y))));
    }
  }
  return nirHasSynapse(params.type) ? { leak, gain, synDecay, synGain } : { leak, gain };
}

function collapse(values: number[]): number | number[] {
  return values.every((v) => v === values[0]) ? (values[0] ?? 0) : values;
}

/** Report rows for the coefficients: formula and value, per the population's discretisation. */
export function coefficientRows(
  params: NirNeuronParams,
  dt: number,
  size: number,
): NirMappingRow[] {
  const c = nirCoefficients(params, dt, size);
  const euler = params.discretisation === 'euler';
  const show = (values: number[]): string => describeValues(collapse(values), f32);
  const rows: NirMappingRow[] = [];
  const row = (param: string, formula: string, values: number[]): void => {
    rows.push({
      param,
      nir: '',
      spikelab: show(values),
      formula: `${param} = ${formula} = ${show(values)}`,
    });
  };
  switch (params.type) {
    case 'IF':
    case 'I':
      row('leak', "0 (no decay: NIR's IF and I integrate without a leak)", c.leak);
      row('gain', `r * dt (dt = ${f32(dt)} ms)`, c.gain);
      break;
    case 'Threshold':
      row('leak', '1 (V = u: the node passes its input to the threshold)', c.leak);
      row('gain', '1', c.gain);
      break;
    case 'LIF':
    case 'LI':
    case 'CubaLIF':
    case 'CubaLI':
      row(
        'leak',
        euler ? `dt/tau_mem (dt = ${f32(dt)} ms)` : `1 - exp(-dt/tau_mem) (dt = ${f32(dt)} ms)`,
        c.leak,
      );
      row('gain', euler ? 'r * dt/tau_mem' : 'r * (1 - exp(-dt/tau_mem))', c.gain);
  }
  if (c.synDecay !== undefined && c.synGain !== undefined) {
    row('synDecay', euler ? '1 - dt/tau_syn' : 'exp(-dt/tau_syn)', c.synDecay);
    row('synGain', euler ? 'w_in * dt/tau_syn' : 'w_in * (1 - exp(-dt/tau_syn))', c.synGain);
  }
  if (!nirSpikes(params.type)) {
    rows.push({
      param: 'vThreshold',
      nir: '',
      spikelab: 'Infinity',
      formula: `${params.type} never spikes: vThreshold = +Infinity`,
    });
  }
  return rows;
}
