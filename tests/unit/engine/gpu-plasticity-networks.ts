/**
 * Small documents for the gpu backend's plasticity tests (gpu.js cpu mode is slow: tens of
 * neurons). Poisson and noisy LIF sources into noisy LIF and Izhikevich targets through STDP,
 * R-STDP and OnlineO1, with per-synapse and constant delays, delta and exponential synapses,
 * a recurrent plastic projection, two plastic projections onto the same targets' lists beside a
 * fixed one, and synapse probes of every variable each rule keeps.
 */
import type {
  NetworkDocument,
  OnlineO1Rule,
  Population,
  Probe,
  Projection,
  RstdpRule,
  StdpRule,
  SynapseVariable,
} from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

function poisson(id: string, size: number, rate: number): Population {
  return { id, size, position: { x: 0, y: 0 }, model: 'poisson', params: { rate } };
}

/** A LIF population that fires by itself now and then (bias and noise) and more with input. */
function noisyLif(id: string, size: number): Population {
  return lifPopulation(
    id,
    size,
    tutorialLif({
      bias: 0.04,
      noise_std: 0.03,
      refractory_period: 2,
      v_init: { kind: 'uniform', low: 0, high: 0.9 },
    }),
  );
}

interface Options {
  delay?: Projection['delay'];
  synapse?: Projection['synapse'];
  weight?: Projection['weight'];
  connectivity?: Projection['connectivity'];
}

function projection(id: string, source: string, target: string, o: Options = {}): Projection {
  return {
    id,
    source,
    target,
    connectivity: o.connectivity ?? { rule: 'fixed_probability', p: 0.5, allow_self: true },
    weight: o.weight ?? { kind: 'uniform', low: 0.05, high: 0.3 },
    delay: o.delay ?? { kind: 'constant', steps: 0 },
    synapse: o.synapse ?? { kind: 'delta' },
  };
}

function synapseProbes(id: string, synapses: number[], variables: SynapseVariable[]): Probe[] {
  return variables.map((variable) => ({
    id: `${id}_${variable}`,
    kind: 'synapse',
    projection: id,
    variable,
    synapses,
  }));
}

export const STDP: StdpRule = {
  rule: 'stdp',
  a_plus: 0.02,
  a_minus: 0.021,
  tau_plus: 8,
  tau_minus: 10,
  w_min: 0,
  w_max: 0.4,
};

export const RSTDP: RstdpRule = {
  rule: 'rstdp',
  a_plus: 0.03,
  a_minus: 0.02,
  tau_plus: 6,
  tau_minus: 9,
  w_min: -0.1,
  w_max: 0.5,
  tau_eligibility: 30,
  tau_reward: 12,
  reward: { population: 'reward', amount: 0.7 },
};

export const ONLINE_O1: OnlineO1Rule = {
  rule: 'online_o1',
  weight_bits: 8,
  trace_bits: 6,
  reward_bits: 4,
  learning_shift: 2,
  trace_decay_shift: 1,
  weight_scale: 0.004,
  reward: { population: 'reward', amount: 3 },
};

export const PER_SYNAPSE_DELAYS = { kind: 'uniform_int', low: 0, high: 4 } as const;

/**
 * Which rules `plasticNetwork` includes: all by default; one rule alone keeps a test to the
 * kernels it needs.
 */
export type RuleSet = readonly ('stdp' | 'rstdp' | 'online_o1')[];

/**
 * Every rule the gpu backend steps, onto 8 LIF and 4 Izhikevich neurons from 12 Poisson sources:
 * STDP with per-synapse delays (weights start above w_max, so clipping shows), OnlineO1 onto
 * exponential synapses beside a fixed projection into the same list, OnlineO1 with per-synapse
 * delays and no trace decay onto Izhikevich, R-STDP with a constant delay onto both targets, and
 * recurrent STDP.
 */
export function plasticNetwork(
  seed: number,
  duration = 60,
  rules: RuleSet = ['stdp', 'rstdp', 'online_o1'],
): NetworkDocument {
  const izh = { ...createPopulation('izhikevich', 'izh', { x: 0, y: 0 }), size: 4 };
  if (izh.model === 'izhikevich') izh.params = { ...izh.params, bias: 8, noise_std: 1 };
  const projections: Projection[] = [];
  const probes: Probe[] = [
    { id: 'out_spikes', kind: 'spikes', population: 'out' },
    { id: 'izh_spikes', kind: 'spikes', population: 'izh' },
    { id: 'out_v', kind: 'state', population: 'out', variable: 'v', neurons: [0, 5] },
    { id: 'out_i', kind: 'state', population: 'out', variable: 'i_syn', neurons: [3] },
  ];
  const exponential = { kind: 'exponential', tau: 4 } as const;
  projections.push(projection('fixed', 'in', 'out', { synapse: exponential }));
  if (rules.includes('stdp')) {
    const stdp = projection('stdp', 'in', 'out', {
      delay: PER_SYNAPSE_DELAYS,
      weight: { kind: 'uniform', low: 0.05, high: 0.6 },
    });
    stdp.plasticity = STDP;
    const recurrent = projection('rec', 'out', 'out', { delay: { kind: 'constant', steps: 1 } });
    recurrent.plasticity = { ...STDP, a_minus: 0.03 };
    projections.push(stdp, recurrent);
    probes.push(
      ...synapseProbes('stdp', [0, 5, 17, 40], ['w', 'pre_trace', 'post_trace']),
      ...synapseProbes('rec', [0, 4], ['w', 'pre_trace', 'post_trace']),
    );
  }
  if (rules.includes('online_o1')) {
    const o1 = projection('o1', 'in', 'out', {
      synapse: exponential,
      weight: { kind: 'uniform', low: 0.2, high: 0.8 },
    });
    o1.plasticity = ONLINE_O1;
    const o1d = projection('o1d', 'in', 'izh', {
      delay: PER_SYNAPSE_DELAYS,
      weight: { kind: 'uniform', low: 0.2, high: 0.8 },
    });
    o1d.plasticity = { ...ONLINE_O1, learning_shift: 1, trace_decay_shift: 0 };
    projections.push(o1, o1d);
    const all: SynapseVariable[] = ['w', 'pre_trace', 'post_trace', 'eligibility'];
    probes.push(...synapseProbes('o1', [1, 2, 9], all), ...synapseProbes('o1d', [0, 13], all));
  }
  if (rules.includes('rstdp')) {
    const rstdp = projection('rstdp', 'in', 'out', {
      synapse: exponential,
      delay: { kind: 'constant', steps: 2 },
      connectivity: { rule: 'all_to_all', allow_self: true },
    });
    rstdp.plasticity = RSTDP;
    // Onto Izhikevich: it shares the recurrent STDP's rows, its reward trace at column 22.
    const rizh = projection('rizh', 'in', 'izh', {
      delay: { kind: 'constant', steps: 1 },
      weight: { kind: 'uniform', low: 0.5, high: 2 },
    });
    rizh.plasticity = { ...RSTDP, w_max: 3, tau_reward: 5 };
    projections.push(rstdp, rizh);
    const all: SynapseVariable[] = ['w', 'pre_trace', 'post_trace', 'eligibility'];
    probes.push(...synapseProbes('rstdp', [0, 31, 90], all), ...synapseProbes('rizh', [0, 7], all));
  }
  return makeDocument(
    {
      populations: [poisson('in', 12, 90), poisson('reward', 2, 40), noisyLif('out', 8), izh],
      projections,
      probes,
    },
    { dt: 0.5, duration, seed },
  );
}
