/**
 * What the inspector shows beside each parameter: label, unit, input hints and one line of
 * explanation. Hints guide the input widget; the schema and cross-checks are what enforce.
 */
import type { PopulationModel } from './document.ts';
import type { ParamsByModel } from './defaults.ts';
import { SC_DENSE_PARAM_INFO } from './param-info-sc-dense.ts';
import { LOIHI_PARAM_INFO } from './param-info-loihi.ts';
import { ADEX_PARAM_INFO, IZHIKEVICH_PARAM_INFO } from './param-info-classic.ts';
import { DYNAPSIM_PARAM_INFO } from './param-info-dynapsim.ts';
import { FIXED_POINT_LIF_PARAM_INFO } from './param-info-fixed-point.ts';
import { NIR_NEURON_PARAM_INFO } from './param-info-nir.ts';

export type ParamUnit =
  | 'ms'
  | 'Hz'
  | 'mV'
  | 'model units'
  | 'steps'
  | 'bits'
  | 'mantissa'
  | 'exponent'
  | '1/4096'
  | 'pF'
  | 'nS'
  | 'pA'
  /** Amperes, farads, volts: DynapSim's bias currents and circuit constants (SI, as Rockpool). */
  | 'A'
  | 'F'
  | 'V'
  | '';

/**
 * How the inspector edits the value:
 * - `number`: a number field (`min`/`max`/`step` as hints; `step: 1` for integers).
 * - `initial_value`: the `InitialValue` union (constant, or uniform in a range).
 * - `index_list` + `time_list`: a spike generator's two lists, edited together.
 * - `choice`: one of the strings in `options` (a select).
 * - `sc_inputs`: an `sc_dense` layer's `ScInputs` union: `constant` (a list of numbers, one per
 *   channel) or `rates` (a population id, any but the layer itself, and `tau` in ms).
 * - `weight_list`: one number per input channel of an `sc_dense` layer. Its length is set by
 *   the inputs, so the list is edited value by value and resized only together with `inputs`
 *   (validation refuses a length that differs from the channel count): an edit that changes
 *   the channel count writes `{ inputs, weights }` at once, see `withScInputs` in sc-channels.ts.
 * - `fixed_point`: an `sc_dense` layer's optional `ScFixedPoint` (absent: float32): a switch,
 *   and when on the three widths, labelled as `fixed_point_lif`'s.
 * - `nir_value`: a `nir_neuron` number, one value or one per neuron (`NirValue`); an array is
 *   shown as a summary with a way to set one value for all.
 */
export type ParamInput =
  | 'number'
  | 'initial_value'
  | 'index_list'
  | 'time_list'
  | 'choice'
  | 'sc_inputs'
  | 'weight_list'
  | 'fixed_point'
  | 'nir_value';

export interface ParamInfo<K extends string = string> {
  key: K;
  label: string;
  unit: ParamUnit;
  input: ParamInput;
  min?: number;
  max?: number;
  step?: number;
  /** The values a `choice` may take, in the order the inspector lists them. */
  options?: readonly string[];
  description: string;
}

/** The keys of every member of a union (a `nir_neuron`'s params differ by type). */
type KeysOfAny<T> = T extends unknown ? keyof T : never;

/** The descriptions of one model's parameters. */
export type InfoList<M extends PopulationModel> = readonly ParamInfo<
  KeysOfAny<ParamsByModel[M]> & string
>[];

/** Every parameter of every model, in the order the inspector lists them. */
export const PARAM_INFO: { readonly [M in PopulationModel]: InfoList<M> } = {
  stochastic_lif: [
    {
      key: 'v_rest',
      label: 'Resting potential',
      unit: 'mV',
      input: 'number',
      step: 1,
      description: 'The membrane potential decays towards this value.',
    },
    {
      key: 'v_reset',
      label: 'Reset potential',
      unit: 'mV',
      input: 'number',
      step: 1,
      description: 'The potential right after a spike; must be below the threshold.',
    },
    {
      key: 'v_threshold',
      label: 'Threshold',
      unit: 'mV',
      input: 'number',
      step: 1,
      description: 'A spike is emitted when the potential reaches this value.',
    },
    {
      key: 'tau_mem',
      label: 'Membrane time constant',
      unit: 'ms',
      input: 'number',
      min: 0.1,
      step: 1,
      description: 'How fast the potential relaxes to rest; larger means slower leak.',
    },
    {
      key: 'resistance',
      label: 'Membrane resistance',
      unit: 'model units',
      input: 'number',
      step: 0.1,
      description: 'Scales input current into voltage change per ms (R*I*dt per step).',
    },
    {
      key: 'noise_std',
      label: 'Noise',
      unit: 'mV',
      input: 'number',
      min: 0,
      step: 0.01,
      description: 'Standard deviation of the Gaussian noise added every step; 0 is deterministic.',
    },
    {
      key: 'refractory_period',
      label: 'Refractory period',
      unit: 'ms',
      input: 'number',
      min: 0,
      step: 1,
      description: 'After a spike the neuron is held at reset for this long.',
    },
    {
      key: 'bias',
      label: 'Bias current',
      unit: 'model units',
      input: 'number',
      step: 0.01,
      description: 'Constant input current to every neuron.',
    },
    {
      key: 'v_init',
      label: 'Initial potential',
      unit: 'mV',
      input: 'initial_value',
      description: 'Potential of each neuron at the start: a constant, or uniform in a range.',
    },
  ],
  poisson: [
    {
      key: 'rate',
      label: 'Rate',
      unit: 'Hz',
      input: 'number',
      min: 0,
      step: 1,
      description: 'Mean firing rate of each independent source; at most one spike per step.',
    },
  ],
  spike_generator: [
    {
      key: 'indices',
      label: 'Neuron indices',
      unit: '',
      input: 'index_list',
      min: 0,
      step: 1,
      description: 'Which neuron fires for each entry of the spike times.',
    },
    {
      key: 'times',
      label: 'Spike times',
      unit: 'ms',
      input: 'time_list',
      min: 0,
      description: 'When each listed neuron fires, one time per index.',
    },
    {
      key: 'period',
      label: 'Repeat period',
      unit: 'ms',
      input: 'number',
      min: 0,
      step: 1,
      description: 'Replay the pattern every period; 0 plays it once.',
    },
  ],
  sc_dense: SC_DENSE_PARAM_INFO,
  loihi: LOIHI_PARAM_INFO,
  izhikevich: IZHIKEVICH_PARAM_INFO,
  adex: ADEX_PARAM_INFO,
  dynapsim: DYNAPSIM_PARAM_INFO,
  fixed_point_lif: FIXED_POINT_LIF_PARAM_INFO,
  nir_neuron: NIR_NEURON_PARAM_INFO,
};
