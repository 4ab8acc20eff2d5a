/**
 * Small documents for the gpu backend's plasticity tests (gpu.js cpu mode is slow: tens of
 * neurons). Poisson and noisy LIF sources into noisy LIF and Izhikevich targets through STDP,
 * R-STDP and OnlineO1, with per-synapse and constant delays, delta and exponential synapses,
 * a recurrent plastic projection, two plastic projections onto the same targets' lists beside a
 * fixed one, and synapse probes of every variable each rule keeps.
 */
import type {
  NetworkDocument,
  Probe,
  Projection,
  SynapseVariable,
} from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import { makeDocument } from './fixtures/documents.ts';
import {
  ONLINE_O1,
  RSTDP,
  STDP,
  noisyLif,
  poisson,
  projection as withP,
  synapseProbes,
  type ProjectionOptions,
} from './fixtures/plastic-builders.ts';

export { ONLINE_O1, RSTDP, STDP };

/** Denser than the wasm tests' (p 0.5): fewer neurons, as many events. */
const projection = (id: string, source: string, target: string, o: ProjectionOptions = {}) =>
  withP(id, source, target, o, 0.5);

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
