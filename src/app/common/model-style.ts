/** How each population model looks in the palette and on the canvas. */
import type { PopulationModel } from '../../model/index.ts';

export interface ModelStyle {
  /** Full name, shown in the palette and the inspector. */
  name: string;
  /** Badge text on a node. */
  short: string;
  /** Accent colour (CSS). */
  color: string;
  /** One line for the palette's tooltip. */
  blurb: string;
}

export const MODEL_STYLE: { readonly [M in PopulationModel]: ModelStyle } = {
  stochastic_lif: {
    name: 'Stochastic LIF',
    short: 'LIF',
    color: '#5eb1ff',
    blurb: 'Leaky integrate-and-fire neurons with optional Gaussian noise.',
  },
  poisson: {
    name: 'Poisson source',
    short: 'Poisson',
    color: '#f5a623',
    blurb: 'Independent random spike trains at a fixed rate.',
  },
  spike_generator: {
    name: 'Spike generator',
    short: 'SpikeGen',
    color: '#b58cff',
    blurb: 'Plays a list of spike times, once or periodically.',
  },
  sc_dense: {
    name: 'SC dense layer',
    short: 'SC dense',
    color: '#3ccfae',
    blurb: 'Inputs and weights as random bitstreams, ANDed, drive LIF neurons (SC tutorial).',
  },
  loihi: {
    name: 'Loihi',
    short: 'Loihi',
    color: '#7fb4ff',
    blurb: 'Intel Loihi integer neurons, bit-exact with brian2-loihi (dt 1 ms).',
  },
  izhikevich: {
    name: 'Izhikevich',
    short: 'Izhikevich',
    color: '#ff7a90',
    blurb: 'Two-variable quadratic model: regular, fast, chattering and bursting cells.',
  },
  adex: {
    name: 'Adaptive exponential IF',
    short: 'AdEx',
    color: '#e0c341',
    blurb: 'Exponential spike onset with an adaptation current (Brette & Gerstner 2005).',
  },
  dynapsim: {
    name: 'DynapSim (DYNAP-SE)',
    short: 'DynapSim',
    color: '#5fd35f',
    blurb: 'Analog DPI neurons set by bias currents, with adaptation and mismatch (Rockpool).',
  },
  fixed_point_lif: {
    name: 'Fixed-point LIF',
    short: 'Fixed LIF',
    color: '#4fc3d9',
    blurb: 'LIF on W-bit integers with chosen fraction bits: exactly what the Verilog core runs.',
  },
  nir_neuron: {
    name: 'NIR neuron',
    short: 'NIR',
    color: '#c49a6c',
    blurb:
      "NIR's LIF, IF, LI, I, CubaLIF, CubaLI or Threshold, per-neuron parameters (NIR import).",
  },
};
