/**
 * Loihi learning networks for the wasm-versus-reference tests (CONTEXT.md step 5d): pair STDP
 * from generators, a rule with every trace, u_k, sign() and w, every sign mode, clipping at both
 * ends of the mantissa range, constant and per-synapse delays, recurrent learning projections,
 * and targets past 65536 neurons (the kernel's 32-bit target layouts).
 */
import type {
  LoihiSynapse,
  NetworkDocument,
  Population,
  Probe,
  Projection,
} from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';

/** A spike generator whose neuron n fires every `every + n % 3` steps from step n % 5. */
export function generator(id: string, size: number, duration: number, every: number): Population {
  const indices: number[] = [];
  const times: number[] = [];
  for (let n = 0; n < size; n++) {
    for (let t = n % 5; t < duration; t += every + (n % 3)) {
      indices.push(n);
      times.push(t);
    }
  }
  return {
    id,
    model: 'spike_generator',
    size,
    position: { x: 0, y: 0 },
    params: { indices, times, period: 0 },
  };
}

/** A Loihi population. */
export function loihi(id: string, size: number, threshold = 30, refractory = 2): Population {
  return {
    id,
    model: 'loihi',
    size,
    position: { x: 0, y: 0 },
    params: { refractory, threshold_v_mant: threshold, decay_v: 400, decay_I: 1200 },
  };
}

/** A Loihi projection; `synapse` adds dw, traces, mantissas or changes the sign mode. */
export function learning(
  id: string,
  source: string,
  target: string,
  connectivity: Projection['connectivity'],
  weight: number,
  delay: Projection['delay'],
  synapse: Partial<LoihiSynapse>,
): Projection {
  return {
    id,
    source,
    target,
    connectivity,
    weight: { kind: 'constant', value: weight },
    delay,
    synapse: { kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8, ...synapse },
  };
}

/** One synapse probe of each variable of `projection`, on `synapses`. */
export function synapseProbes(
  projection: string,
  synapses: number[],
  variables: readonly ('w' | 'w_act' | 'x1' | 'x2' | 'y1' | 'y2' | 'y3')[],
): Probe[] {
  return variables.map((variable) => ({
    id: `${projection}_${variable}`,
    kind: 'synapse',
    projection,
    variable,
    synapses,
  }));
}

/** Spikes, v and i_syn of a population. */
export function populationProbes(population: string, neurons: number[]): Probe[] {
  return [
    { id: `${population}_spikes`, kind: 'spikes', population },
    { id: `${population}_v`, kind: 'state', population, variable: 'v', neurons },
    { id: `${population}_i`, kind: 'state', population, variable: 'i_syn', neurons },
  ];
}

function document(
  name: string,
  populations: Population[],
  projections: Projection[],
  probes: Probe[],
  duration: number,
  seed: number,
): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name,
    populations,
    projections,
    stimuli: [],
    probes,
    run: { dt: 1, duration, seed, backend: 'reference' },
  };
}

const ALL_TRACES = {
  x1: { impulse: 40, tau: 6 },
  x2: { impulse: 100, tau: 13 },
  y1: { impulse: 30, tau: 9 },
  y2: { impulse: 127, tau: 3 },
  y3: { impulse: 5, tau: 40 },
} as const;

/** Pair STDP from 20 generators onto 15 Loihi neurons, per-synapse mantissas. */
export function stdpNetwork(seed: number, duration = 300): NetworkDocument {
  const mantissas = Array.from({ length: 20 * 15 }, (_, e) => 20 + ((e * 37) % 90));
  return document(
    'pair STDP',
    [generator('gen', 20, duration, 4), loihi('L', 15)],
    [
      learning(
        'stdp',
        'gen',
        'L',
        { rule: 'all_to_all', allow_self: true },
        0,
        {
          kind: 'constant',
          steps: 1,
        },
        {
          mantissas,
          dw: '2^-2*x1*y0 - 2^-2*y1*x0',
          traces: { x1: { impulse: 40, tau: 8 }, y1: { impulse: 30, tau: 10 } },
        },
      ),
    ],
    [
      ...populationProbes('L', [0, 3, 14]),
      ...synapseProbes('stdp', [0, 1, 16, 299, 150], ['w', 'w_act', 'x1', 'y1']),
    ],
    duration,
    seed,
  );
}

/**
 * Every trace, u_k, sign() and w in one rule; every sign mode; clipping at both ends; constant
 * and per-synapse delays; recurrent learning (A -> A) and a Loihi -> Loihi learning projection.
 */
export function everythingNetwork(seed: number, duration = 400): NetworkDocument {
  const sparse = { rule: 'fixed_probability', p: 0.35, allow_self: false } as const;
  const dense = { rule: 'all_to_all', allow_self: true } as const;
  return document(
    'everything',
    [generator('gen', 24, duration, 3), loihi('A', 30, 20), loihi('B', 11, 15, 3)],
    [
      learning(
        'genA',
        'gen',
        'A',
        sparse,
        90,
        { kind: 'uniform_int', low: 0, high: 4 },
        {
          dw: '2^-3*x1*y0 - 2^-4*y2*x0 + u2*sign(x2-y1)*y0 + 2^-6*w*u0*x0 - y3*u3*2^-7 + 3*u1*x0*y0',
          traces: ALL_TRACES,
        },
      ),
      learning(
        'AA',
        'A',
        'A',
        sparse,
        40,
        { kind: 'uniform_int', low: 0, high: 3 },
        {
          sign_mode: 'excitatory',
          num_weight_bits: 6,
          w_exp: 1,
          dw: 'x1*y0 - y1*x0 - 2^-5*w*u4',
          traces: { x1: { impulse: 60, tau: 4 }, y1: { impulse: 60, tau: 4 } },
        },
      ),
      learning(
        'AB',
        'A',
        'B',
        dense,
        -60,
        { kind: 'constant', steps: 2 },
        {
          sign_mode: 'inhibitory',
          num_weight_bits: 7,
          // Pushes w to wLow (-256) on every pre event and back up on post ones: clipping.
          dw: '-(2^3*x0) + 2^-4*y0*y2',
          traces: { y2: { impulse: 50, tau: 5 } },
        },
      ),
      learning(
        'genB',
        'gen',
        'B',
        dense,
        200,
        { kind: 'constant', steps: 0 },
        {
          sign_mode: 'excitatory',
          num_weight_bits: 8,
          // Runs into wHigh (255).
          dw: '4*x0 + 2^3*y0 - u5*2^2*x2',
          traces: { x2: { impulse: 20, tau: 20 } },
        },
      ),
      // Traces and no rule: w stays constant, the traces still run.
      learning(
        'BA',
        'B',
        'A',
        dense,
        -30,
        { kind: 'constant', steps: 1 },
        {
          traces: { x1: { impulse: 7, tau: 2 }, y3: { impulse: 90, tau: 7 } },
        },
      ),
    ],
    [
      ...populationProbes('A', [0, 5, 29]),
      ...populationProbes('B', [0, 10]),
      ...synapseProbes('genA', [0, 3, 17, 40], ['w', 'w_act', 'x1', 'x2', 'y1', 'y2', 'y3']),
      ...synapseProbes('AA', [2, 0, 9], ['w', 'w_act', 'x1', 'y1']),
      ...synapseProbes('AB', [0, 100, 329], ['w', 'w_act', 'y2']),
      ...synapseProbes('genB', [5, 263], ['w', 'w_act', 'x2']),
      ...synapseProbes('BA', [1, 300], ['w', 'w_act', 'x1', 'y3']),
    ],
    duration,
    seed,
  );
}

/**
 * Two generators onto `size` Loihi neurons (more than 65536: 32-bit targets), per-synapse
 * delays (packed into the targets' top byte) or one constant delay.
 */
export function wideNetwork(
  size: number,
  perSynapseDelays: boolean,
  duration = 25,
): NetworkDocument {
  const delay: Projection['delay'] = perSynapseDelays
    ? { kind: 'uniform_int', low: 0, high: 3 }
    : { kind: 'constant', steps: 2 };
  return document(
    'wide',
    [generator('gen', 2, duration, 2), loihi('W', size, 2, 1)],
    [
      learning('wide', 'gen', 'W', { rule: 'all_to_all', allow_self: true }, 120, delay, {
        dw: '2^-1*x1*y0 - y1*x0',
        traces: { x1: { impulse: 50, tau: 4 }, y1: { impulse: 70, tau: 3 } },
      }),
    ],
    [
      ...populationProbes('W', [0, size - 1]),
      ...synapseProbes('wide', [0, size - 1, size, 2 * size - 1], ['w', 'w_act', 'x1', 'y1']),
    ],
    duration,
    seed(size),
  );
}

function seed(n: number): number {
  return n % 97;
}

/** Poisson and LIF sources into learning projections (delay 0 and per-synapse delays). */
export function mixedSourcesNetwork(seed: number, duration = 300): NetworkDocument {
  const noise: Population = {
    id: 'noise',
    model: 'poisson',
    size: 25,
    position: { x: 0, y: 0 },
    params: { rate: 40 },
  };
  const lif = { ...createPopulation('stochastic_lif', 'lif', { x: 0, y: 0 }), size: 12 };
  if (lif.model === 'stochastic_lif') lif.params = { ...lif.params, bias: 0.08, noise_std: 0.05 };
  const all = { rule: 'all_to_all', allow_self: true } as const;
  return document(
    'mixed sources',
    [noise, lif, loihi('M', 9, 25)],
    [
      learning(
        'noiseM',
        'noise',
        'M',
        all,
        50,
        { kind: 'constant', steps: 0 },
        {
          dw: '2^-1*x1*y0 - 2^-2*y1*x0 + u1*x2*y0*2^-4',
          traces: {
            x1: { impulse: 30, tau: 5 },
            x2: { impulse: 11, tau: 9 },
            y1: { impulse: 45, tau: 6 },
          },
        },
      ),
      learning(
        'lifM',
        'lif',
        'M',
        all,
        70,
        { kind: 'uniform_int', low: 0, high: 5 },
        {
          sign_mode: 'excitatory',
          num_weight_bits: 7,
          dw: 'x1*y0 - 2*y2*x0',
          traces: { x1: { impulse: 60, tau: 3 }, y2: { impulse: 20, tau: 12 } },
        },
      ),
    ],
    [
      ...populationProbes('M', [0, 8]),
      ...synapseProbes('noiseM', [0, 100, 224], ['w', 'w_act', 'x1', 'x2', 'y1']),
      ...synapseProbes('lifM', [3, 107], ['w', 'w_act', 'x1', 'y2']),
    ],
    duration,
    seed,
  );
}
