/**
 * What the inspector shows for an `sc_dense` layer (the sc-neurocore tutorial's SC dense layer),
 * in the order a student meets the ideas: where the inputs come from, the weights, how values
 * become bitstreams, how the count of ones becomes a current, then the neurons.
 */
import type { InfoList } from './param-info.ts';
import { MAX_SC_LENGTH, SEED_LIMIT } from './limits.ts';

/** The `sc_dense` entry of `PARAM_INFO`. */
export const SC_DENSE_PARAM_INFO: InfoList<'sc_dense'> = [
  {
    key: 'inputs',
    label: 'Inputs',
    unit: '',
    input: 'sc_inputs',
    description:
      'Where the input channels come from: fixed values (one channel each), or the firing ' +
      "rates of another population's neurons (one channel per neuron, in spikes per ms).",
  },
  {
    key: 'weights',
    label: 'Weights',
    unit: '',
    input: 'weight_list',
    description: 'One weight per input channel; each is turned into its own random bitstream.',
  },
  {
    key: 'x_min',
    label: 'Input minimum',
    unit: '',
    input: 'number',
    step: 0.1,
    description: 'An input at this value becomes a bitstream of all zeros.',
  },
  {
    key: 'x_max',
    label: 'Input maximum',
    unit: '',
    input: 'number',
    step: 0.1,
    description:
      'An input at this value becomes all ones; values outside the range are clamped. ' +
      'For rate inputs, in spikes per ms (0.1 = 100 Hz).',
  },
  {
    key: 'w_min',
    label: 'Weight minimum',
    unit: '',
    input: 'number',
    step: 0.1,
    description: 'A weight at this value never lets a bit through.',
  },
  {
    key: 'w_max',
    label: 'Weight maximum',
    unit: '',
    input: 'number',
    step: 0.1,
    description: 'A weight at this value lets every bit through; outside values are clamped.',
  },
  {
    key: 'length',
    label: 'Bitstream length',
    unit: 'bits',
    input: 'number',
    min: 1,
    max: MAX_SC_LENGTH,
    step: 1,
    description:
      'Bits per stream. Each time step reads the next bit of every channel; after this many ' +
      'steps the streams start again from the first bit.',
  },
  {
    key: 'y_min',
    label: 'Current offset',
    unit: 'model units',
    input: 'number',
    step: 0.01,
    description: 'The current when no channel has a one in this step.',
  },
  {
    key: 'y_max',
    label: 'Current scale',
    unit: 'model units',
    input: 'number',
    step: 0.01,
    description:
      'With "sum", each channel whose input bit AND weight bit are both one adds ' +
      '(y_max - y_min) to the current; with "mean", all channels on give y_max.',
  },
  {
    key: 'scaling',
    label: 'Count to current',
    unit: '',
    input: 'choice',
    options: ['sum', 'mean'],
    description:
      '"sum": the current grows with the number of active channels (the tutorial\'s layers ' +
      'fire). "mean": the count is divided by the number of channels.',
  },
  {
    key: 'v_rest',
    label: 'Resting potential',
    unit: 'model units',
    input: 'number',
    step: 0.1,
    description: 'The membrane potential decays towards this value; every neuron starts here.',
  },
  {
    key: 'v_reset',
    label: 'Reset potential',
    unit: 'model units',
    input: 'number',
    step: 0.1,
    description: 'The potential right after a spike; must be below the threshold.',
  },
  {
    key: 'v_threshold',
    label: 'Threshold',
    unit: 'model units',
    input: 'number',
    step: 0.1,
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
    description: 'Scales the current into voltage change per ms (R*I*dt per step).',
  },
  {
    key: 'noise_std',
    label: 'Noise',
    unit: 'model units',
    input: 'number',
    min: 0,
    step: 0.01,
    description:
      'Standard deviation of the Gaussian noise each neuron gets every step; the neurons share ' +
      'the current, so only this noise makes them differ.',
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
    key: 'base_seed',
    label: 'Layer seed',
    unit: '',
    input: 'number',
    min: 0,
    max: SEED_LIMIT - 1,
    step: 1,
    description:
      "Seed of this layer's bitstreams and noise (not the run's seed): the same seed gives the " +
      'same spikes, like the tutorial’s base_seed.',
  },
  {
    key: 'fixed_point',
    label: 'Integer arithmetic (fixed point, for hardware)',
    unit: '',
    input: 'fixed_point',
    description:
      'Integrate as the fixed-point LIF the FPGA runs: the same bitstreams, the current of ' +
      'each count rounded to a multiple of 2^-F, V in W-bit integers, no noise. Constant ' +
      'inputs only (a rates trace is float).',
  },
];
