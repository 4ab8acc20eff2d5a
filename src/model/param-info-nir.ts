/**
 * What the inspector shows for a `nir_neuron` population: the NIR type and discretisation as
 * selects, then every number field any type has (the inspector shows those the current type
 * has). Each number is `nir_value`: one value for all neurons, or a per-neuron array shown as a
 * summary with a way to set one value for all.
 */
import { NIR_DISCRETISATIONS, NIR_NEURON_TYPES } from './document-nir.ts';
import type { InfoList } from './param-info.ts';

/** The `nir_neuron` entry of `PARAM_INFO`. */
export const NIR_NEURON_PARAM_INFO: InfoList<'nir_neuron'> = [
  {
    key: 'type',
    label: 'NIR type',
    unit: '',
    input: 'choice',
    options: NIR_NEURON_TYPES,
    description:
      'LIF, IF (no leak), LI and I (no spikes), CubaLIF and CubaLI (with a synaptic current), ' +
      'Threshold (V = input). Changing it keeps the fields the new type shares.',
  },
  {
    key: 'discretisation',
    label: 'Discretisation',
    unit: '',
    input: 'choice',
    options: NIR_DISCRETISATIONS,
    description:
      'exact: the decays are exp(-dt/tau), exact for an input held over the step; euler: one ' +
      'forward-Euler step (dt/tau), as snnTorch and Norse step.',
  },
  {
    key: 'tau_mem',
    label: 'Membrane time constant',
    unit: 'ms',
    input: 'nir_value',
    min: 0,
    step: 1,
    description: "NIR's tau: how fast V relaxes to v_leak (> 0).",
  },
  {
    key: 'tau_syn',
    label: 'Synaptic time constant',
    unit: 'ms',
    input: 'nir_value',
    min: 0,
    step: 1,
    description: 'How fast the synaptic current decays (> 0).',
  },
  {
    key: 'r',
    label: 'Resistance',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description:
      'Input to potential. LIF, LI: V tends to v_leak + r * input; IF, I: V grows by r * input ' +
      'per ms (r * dt per step).',
  },
  {
    key: 'v_leak',
    label: 'Leak potential',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description: 'V decays towards this value.',
  },
  {
    key: 'v_threshold',
    label: 'Threshold',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description: 'A spike when V rises strictly above it.',
  },
  {
    key: 'v_reset',
    label: 'Reset potential',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description: 'V right after a spike; there is no refractory period.',
  },
  {
    key: 'w_in',
    label: 'Input weight',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description: 'Scales the input into the synaptic current.',
  },
  {
    key: 'bias',
    label: 'Bias',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description: 'Constant input every step (an imported Affine or Conv bias lands here).',
  },
  {
    key: 'v_init',
    label: 'Initial potential',
    unit: 'model units',
    input: 'nir_value',
    step: 0.1,
    description: 'V of each neuron at the start.',
  },
];
