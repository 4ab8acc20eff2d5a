/**
 * What the inspector shows for the classroom models: Izhikevich's a, b, c, d (in his units) and
 * the AdEx parameters of Brette & Gerstner (2005), in the order the equations name them.
 */
import type { InfoList, ParamInfo } from './param-info.ts';

const noise: ParamInfo<'noise_std'> = {
  key: 'noise_std',
  label: 'Noise',
  unit: 'mV',
  input: 'number',
  min: 0,
  step: 0.1,
  description:
    'Standard deviation of the Gaussian noise added to v every step; 0 is deterministic.',
};

/** The `izhikevich` entry of `PARAM_INFO`. */
export const IZHIKEVICH_PARAM_INFO: InfoList<'izhikevich'> = [
  {
    key: 'a',
    label: 'a (recovery rate)',
    unit: '',
    input: 'number',
    step: 0.01,
    description: 'How fast the recovery variable u follows b*v, per ms; larger recovers faster.',
  },
  {
    key: 'b',
    label: 'b (recovery coupling)',
    unit: '',
    input: 'number',
    step: 0.01,
    description: 'How strongly u tracks v below threshold; larger gives a lower threshold.',
  },
  {
    key: 'c',
    label: 'c (reset)',
    unit: 'mV',
    input: 'number',
    step: 1,
    description: 'v after a spike (the spike is cut at 30 mV); higher resets give bursts.',
  },
  {
    key: 'd',
    label: 'd (after-spike jump)',
    unit: '',
    input: 'number',
    step: 0.5,
    description: 'Added to u at every spike; larger gives stronger adaptation.',
  },
  {
    key: 'bias',
    label: 'Bias current',
    unit: 'model units',
    input: 'number',
    step: 1,
    description: 'Constant input current I (mV/ms in the model equation); 10 shows the presets.',
  },
  noise,
  {
    key: 'v_init',
    label: 'Initial potential',
    unit: 'mV',
    input: 'initial_value',
    description: 'v of each neuron at the start (u starts at b*v); a constant or uniform range.',
  },
];

/** The `adex` entry of `PARAM_INFO`. */
export const ADEX_PARAM_INFO: InfoList<'adex'> = [
  {
    key: 'c',
    label: 'Capacitance C',
    unit: 'pF',
    input: 'number',
    min: 1,
    step: 10,
    description: 'Membrane capacitance; larger integrates current more slowly.',
  },
  {
    key: 'g_l',
    label: 'Leak conductance g_L',
    unit: 'nS',
    input: 'number',
    min: 0.1,
    step: 1,
    description: 'Pulls v back to E_L; C/g_L is the membrane time constant.',
  },
  {
    key: 'e_l',
    label: 'Leak reversal E_L',
    unit: 'mV',
    input: 'number',
    step: 1,
    description: 'Resting potential without input.',
  },
  {
    key: 'v_t',
    label: 'Threshold V_T',
    unit: 'mV',
    input: 'number',
    step: 1,
    description: 'Where the exponential spike onset takes over from the leak.',
  },
  {
    key: 'delta_t',
    label: 'Slope factor Δ_T',
    unit: 'mV',
    input: 'number',
    min: 0.1,
    step: 0.5,
    description: 'Sharpness of the spike onset; small values approach a hard threshold.',
  },
  {
    key: 'v_peak',
    label: 'Spike cut V_peak',
    unit: 'mV',
    input: 'number',
    step: 1,
    description: 'A spike is counted and v reset when v reaches this value.',
  },
  {
    key: 'v_reset',
    label: 'Reset V_r',
    unit: 'mV',
    input: 'number',
    step: 1,
    description: 'v after a spike; a reset above E_L favours bursting.',
  },
  {
    key: 'tau_w',
    label: 'Adaptation time constant τ_w',
    unit: 'ms',
    input: 'number',
    min: 1,
    step: 10,
    description: 'How slowly the adaptation current w decays.',
  },
  {
    key: 'a',
    label: 'Subthreshold adaptation a',
    unit: 'nS',
    input: 'number',
    step: 1,
    description: 'Coupling of w to v below threshold.',
  },
  {
    key: 'b',
    label: 'Spike-triggered adaptation b',
    unit: 'pA',
    input: 'number',
    step: 10,
    description: 'Added to w at every spike; the source of spike-frequency adaptation.',
  },
  {
    key: 'refractory_period',
    label: 'Refractory period',
    unit: 'ms',
    input: 'number',
    min: 0,
    step: 1,
    description: 'After a spike v is held at reset for this long (w keeps evolving).',
  },
  {
    key: 'bias',
    label: 'Bias current',
    unit: 'pA',
    input: 'number',
    step: 10,
    description: 'Constant input current to every neuron.',
  },
  noise,
  {
    key: 'v_init',
    label: 'Initial potential',
    unit: 'mV',
    input: 'initial_value',
    description: 'v of each neuron at the start (w starts at 0); a constant or uniform range.',
  },
];
