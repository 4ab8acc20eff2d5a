/**
 * Documents for the wasm plasticity tests: Poisson and noisy LIF sources into noisy LIF and
 * Izhikevich targets through every classic plasticity (STDP, R-STDP, OnlineO1, homeostatic, STP,
 * structural), with constant and per-synapse delays, delta and exponential synapses, and synapse
 * probes of every variable each rule keeps. Rates are high enough that every rule acts often.
 */
import type { NetworkDocument, PlasticityRule } from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import { makeDocument } from './fixtures/documents.ts';
import {
  ONLINE_O1,
  RSTDP,
  STDP,
  noisyLif,
  poisson,
  projection,
  synapseProbes,
} from './fixtures/plastic-builders.ts';

const HOMEOSTATIC: PlasticityRule = {
  rule: 'homeostatic',
  target_rate: 30,
  tau: 20,
  interval: 7,
  max_change: 0.2,
};

const ALL_TO_ALL = { rule: 'all_to_all', allow_self: true } as const;
const PER_SYNAPSE_DELAYS = { kind: 'uniform_int', low: 0, high: 4 } as const;

/**
 * Every rule at once into one LIF and one Izhikevich population: STDP with per-synapse delays
 * and structural plasticity, R-STDP on exponential synapses with a constant delay, OnlineO1,
 * homeostatic scaling with structural plasticity at another interval, STP with per-synapse and
 * with constant delays (and a constant weight), and a recurrent STDP projection.
 */
export function everyRuleNetwork(seed: number, duration = 120): NetworkDocument {
  const izh = { ...createPopulation('izhikevich', 'izh', { x: 0, y: 0 }), size: 6 };
  if (izh.model === 'izhikevich') izh.params = { ...izh.params, bias: 8, noise_std: 1 };
  const stdp = projection('stdp', 'in', 'out', { delay: PER_SYNAPSE_DELAYS });
  stdp.plasticity = STDP;
  stdp.structural = {
    interval: 5,
    prune_below: 0.08,
    growth_rate: 0.2,
    grow_low: 0.1,
    grow_high: 0.2,
  };
  const rstdp = projection('rstdp', 'in', 'out', {
    synapse: { kind: 'exponential', tau: 4 },
    delay: { kind: 'constant', steps: 2 },
    connectivity: ALL_TO_ALL,
  });
  rstdp.plasticity = RSTDP;
  const o1 = projection('o1', 'in', 'izh', { weight: { kind: 'uniform', low: 0.2, high: 0.8 } });
  o1.plasticity = ONLINE_O1;
  const homeo = projection('homeo', 'in', 'out', { synapse: { kind: 'exponential', tau: 6 } });
  homeo.plasticity = HOMEOSTATIC;
  homeo.structural = {
    interval: 3,
    prune_below: 0.07,
    growth_rate: 0.1,
    grow_low: 0.05,
    grow_high: 0.3,
  };
  const stp = projection('stp', 'in', 'out', { delay: PER_SYNAPSE_DELAYS });
  stp.stp = { U: 0.3, tau_d: 40, tau_f: 15 };
  const stpConstant = projection('stpc', 'out', 'izh', {
    weight: { kind: 'constant', value: 2 },
    connectivity: ALL_TO_ALL,
  });
  stpConstant.stp = { U: 0.5, tau_d: 20, tau_f: 50 };
  const recurrent = projection('rec', 'out', 'out', { delay: { kind: 'constant', steps: 1 } });
  recurrent.plasticity = { ...STDP, a_minus: 0.03 };
  recurrent.stp = { U: 0.2, tau_d: 30, tau_f: 10 };
  // Event-driven STDP (one delay): weights start and grow above w_max, so clipping shows.
  const clipped = projection('clipped', 'in', 'out', {
    delay: { kind: 'constant', steps: 2 },
    weight: { kind: 'uniform', low: 0.05, high: 0.6 },
  });
  clipped.plasticity = { ...STDP, a_plus: 0.03 };
  // STDP with per-synapse delays and no pre_trace probe: event-driven on a ring of traces.
  const ringed = projection('ringed', 'in', 'out', {
    delay: { kind: 'uniform_int', low: 0, high: 5 },
    weight: { kind: 'uniform', low: 0.05, high: 0.6 },
  });
  ringed.plasticity = { ...STDP, a_plus: 0.025 };
  ringed.structural = {
    interval: 11,
    prune_below: 0.1,
    growth_rate: 0.2,
    grow_low: 0.2,
    grow_high: 0.7,
  };
  // OnlineO1 with per-synapse delays keeps its traces per synapse.
  const o1Delays = projection('o1d', 'in', 'out', {
    delay: PER_SYNAPSE_DELAYS,
    weight: { kind: 'uniform', low: 0.2, high: 0.8 },
  });
  o1Delays.plasticity = { ...ONLINE_O1, learning_shift: 1 };
  // R-STDP with per-synapse delays keeps its traces per synapse.
  const rstdpDelays = projection('rstdpd', 'in', 'out', { delay: PER_SYNAPSE_DELAYS });
  rstdpDelays.plasticity = { ...RSTDP, w_min: 0, w_max: 0.35 };
  clipped.structural = {
    interval: 6,
    prune_below: 0.1,
    growth_rate: 0.2,
    grow_low: 0.2,
    grow_high: 0.7,
  };
  return makeDocument(
    {
      populations: [poisson('in', 30, 90), poisson('reward', 2, 40), noisyLif('out', 20), izh],
      projections: [
        stdp,
        rstdp,
        o1,
        homeo,
        stp,
        stpConstant,
        recurrent,
        clipped,
        rstdpDelays,
        ringed,
        o1Delays,
      ],
      probes: [
        { id: 'out_spikes', kind: 'spikes', population: 'out' },
        { id: 'izh_spikes', kind: 'spikes', population: 'izh' },
        { id: 'out_v', kind: 'state', population: 'out', variable: 'v', neurons: [0, 7, 19] },
        { id: 'out_i', kind: 'state', population: 'out', variable: 'i_syn', neurons: [3, 11] },
        ...synapseProbes('stdp', [0, 5, 17, 40], ['w', 'pre_trace', 'post_trace']),
        ...synapseProbes('rstdp', [0, 31, 599], ['w', 'pre_trace', 'post_trace', 'eligibility']),
        ...synapseProbes('o1', [1, 2, 9], ['w', 'pre_trace', 'post_trace', 'eligibility']),
        ...synapseProbes('homeo', [0, 3, 8], ['w']),
        ...synapseProbes('rec', [0, 4], ['w', 'pre_trace', 'post_trace']),
        ...synapseProbes('o1d', [0, 13, 60], ['w', 'pre_trace', 'post_trace', 'eligibility']),
        ...synapseProbes('ringed', [0, 3, 77, 200], ['w', 'post_trace']),
        ...synapseProbes('rstdpd', [1, 50], ['w', 'pre_trace', 'post_trace', 'eligibility']),
        ...synapseProbes('clipped', [0, 2, 33, 100], ['w', 'pre_trace', 'post_trace']),
      ],
    },
    { dt: 0.5, duration, seed },
  );
}

/** One STDP projection, `sources` Poisson neurons at 20 Hz all to all onto `targets` LIF. */
export function stdpBenchNetwork(sources: number, targets: number, duration: number) {
  const stdp = projection('stdp', 'in', 'out', {
    connectivity: ALL_TO_ALL,
    weight: { kind: 'uniform', low: 0, high: 0.002 },
  });
  stdp.plasticity = { ...STDP, w_max: 0.004, a_plus: 0.0001, a_minus: 0.000105 };
  return makeDocument(
    {
      populations: [poisson('in', sources, 20), noisyLif('out', targets)],
      projections: [stdp],
      probes: [{ id: 'out_spikes', kind: 'spikes', population: 'out' }],
    },
    { dt: 0.1, duration, seed: 3 },
  );
}

/**
 * `size` LIF targets (more than 65536 makes 32-bit targets): STDP with per-synapse delays
 * (packed into the targets' top byte) and STP, R-STDP with a constant delay, sparse connectivity.
 */
export function wideNetwork(size: number, duration = 30): NetworkDocument {
  const sparse = { rule: 'fixed_probability', p: 0.002, allow_self: true } as const;
  const stdp = projection('stdp', 'in', 'out', {
    connectivity: sparse,
    delay: { kind: 'uniform_int', low: 0, high: 3 },
    weight: { kind: 'uniform', low: 0.3, high: 0.9 },
  });
  stdp.plasticity = { ...STDP, w_max: 1 };
  stdp.stp = { U: 0.4, tau_d: 10, tau_f: 10 };
  const rstdp = projection('rstdp', 'in', 'out', {
    connectivity: sparse,
    delay: { kind: 'constant', steps: 1 },
    weight: { kind: 'uniform', low: 0.3, high: 0.9 },
  });
  rstdp.plasticity = RSTDP;
  const events = projection('events', 'in', 'out', {
    connectivity: sparse,
    delay: { kind: 'constant', steps: 2 },
    weight: { kind: 'uniform', low: 0.3, high: 0.9 },
  });
  events.plasticity = { ...STDP, w_max: 0.8 };
  const ringed = projection('ringed', 'in', 'out', {
    connectivity: sparse,
    delay: { kind: 'uniform_int', low: 0, high: 3 },
    weight: { kind: 'uniform', low: 0.3, high: 0.9 },
  });
  ringed.plasticity = { ...STDP, w_max: 0.8 };
  const out = noisyLif('out', size);
  return makeDocument(
    {
      populations: [poisson('in', 40, 150), poisson('reward', 1, 200), out],
      projections: [stdp, rstdp, events, ringed],
      probes: [
        { id: 'out_spikes', kind: 'spikes', population: 'out' },
        ...synapseProbes('stdp', [0, 100, 1000], ['w', 'pre_trace', 'post_trace']),
        ...synapseProbes('rstdp', [3, 700], ['w', 'eligibility']),
        ...synapseProbes('events', [5, 900], ['w', 'pre_trace', 'post_trace']),
        ...synapseProbes('ringed', [5, 900], ['w', 'post_trace']),
      ],
    },
    { dt: 0.5, duration, seed: 5 },
  );
}

/**
 * Parts without a weight rule: structural plasticity alone (its weights are state, no rule
 * runs), STP alone with a constant weight and a constant delay, and STP with structural
 * plasticity on per-synapse weights and delays; onto exponential and delta synapses.
 */
export function ruleFreeNetwork(seed: number, duration = 150): NetworkDocument {
  const structural = projection('structural', 'in', 'out', {
    synapse: { kind: 'exponential', tau: 3 },
  });
  structural.structural = {
    interval: 4,
    prune_below: 0.12,
    growth_rate: 0.3,
    grow_low: -0.1,
    grow_high: 0.4,
  };
  const stp = projection('stp', 'in', 'out', {
    weight: { kind: 'constant', value: 0.4 },
    delay: { kind: 'constant', steps: 3 },
  });
  stp.stp = { U: 0.15, tau_d: 60, tau_f: 20 };
  const both = projection('both', 'out', 'out', { delay: PER_SYNAPSE_DELAYS });
  both.stp = { U: 0.6, tau_d: 8, tau_f: 30 };
  both.structural = {
    interval: 9,
    prune_below: 0.1,
    growth_rate: 0.05,
    grow_low: 0.1,
    grow_high: 0.2,
  };
  return makeDocument(
    {
      populations: [poisson('in', 25, 60), noisyLif('out', 15)],
      projections: [structural, stp, both],
      probes: [
        { id: 'out_spikes', kind: 'spikes', population: 'out' },
        { id: 'out_i', kind: 'state', population: 'out', variable: 'i_syn', neurons: [0, 14] },
        { id: 'out_v', kind: 'state', population: 'out', variable: 'v', neurons: [2, 9] },
        ...synapseProbes('structural', [0, 6, 50], ['w']),
        ...synapseProbes('both', [1, 20], ['w']),
      ],
    },
    { dt: 0.5, duration, seed },
  );
}
