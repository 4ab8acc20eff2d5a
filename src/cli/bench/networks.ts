/**
 * The benchmark networks, built in code so the bench never depends on an example file:
 * Brian2's CUBA (issue 2's parameters) and a CUBA-like scaling series with the same neuron
 * and synapse parameters, 80% excitatory, and on average 80 synapses per neuron (p = 80/N).
 */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '../../model/document.ts';
import type { NetworkDocument, Projection } from '../../model/document.ts';

/** Brian2's CUBA: taum 20 ms, taue 5 ms, taui 10 ms, Vt -50, Vr -60, El -49 mV, 5 ms refractory. */
export const CUBA = {
  neurons: 4000,
  excitatoryFraction: 0.8,
  p: 0.02,
  tauMem: 20,
  tauE: 5,
  tauI: 10,
  vThreshold: -50,
  vReset: -60,
  vRest: -49,
  refractory: 5,
  /** we = 60*0.27/10 mV */
  we: 1.62,
  /** wi = -20*4.5/10 mV */
  wi: -9,
  dt: 0.1,
  durationMs: 1000,
} as const;

/** Synapses per neuron (expected out-degree) of the scaling series: CUBA's 4000 * 0.02. */
export const SYNAPSES_PER_NEURON = 80;

export interface CubaLikeOptions {
  neurons: number;
  /** Connection probability of every projection. */
  p: number;
  durationMs: number;
  seed?: number;
}

/**
 * A CUBA network of any size. Brian2's `dv/dt = (ge+gi-(v-El))/taum` is the LIF with
 * v_rest = El and resistance 1/taum: its `R*I*dt` term is then `(ge+gi)*dt/taum`, and the
 * synaptic currents ge, gi are exponential currents in mV that each spike bumps by we or wi.
 * Brian2's `connect('i<3200', p=0.02)` allows self-connections, so `allow_self` is true.
 * Ids, order and seed are those of public/examples/cuba.json, so at 4000 neurons the bench
 * draws exactly the example's connectivity and initial state (a test checks they agree).
 *
 * @example cubaLikeNetwork({ neurons: 4000, p: 0.02, durationMs: 1000 }) // Brian2's CUBA
 */
export function cubaLikeNetwork(options: CubaLikeOptions): NetworkDocument {
  const excitatory = Math.round(options.neurons * CUBA.excitatoryFraction);
  const lif = (id: string, size: number, x: number): NetworkDocument['populations'][number] => ({
    id,
    size,
    position: { x, y: 0 },
    model: 'stochastic_lif',
    params: {
      v_rest: CUBA.vRest,
      v_reset: CUBA.vReset,
      v_threshold: CUBA.vThreshold,
      tau_mem: CUBA.tauMem,
      resistance: 1 / CUBA.tauMem,
      noise_std: 0,
      refractory_period: CUBA.refractory,
      bias: 0,
      v_init: { kind: 'uniform', low: CUBA.vReset, high: CUBA.vThreshold },
    },
  });
  const projection = (source: 'exc' | 'inh', target: 'exc' | 'inh'): Projection => ({
    id: `${source}_${target}`,
    source,
    target,
    connectivity: { rule: 'fixed_probability', p: options.p, allow_self: true },
    weight: { kind: 'constant', value: source === 'exc' ? CUBA.we : CUBA.wi },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'exponential', tau: source === 'exc' ? CUBA.tauE : CUBA.tauI },
  });
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: options.neurons === CUBA.neurons ? 'CUBA' : `CUBA-like, ${options.neurons} neurons`,
    populations: [lif('exc', excitatory, 0), lif('inh', options.neurons - excitatory, 360)],
    projections: [
      projection('exc', 'exc'),
      projection('exc', 'inh'),
      projection('inh', 'exc'),
      projection('inh', 'inh'),
    ],
    stimuli: [],
    probes: [
      { id: 'exc_spikes', kind: 'spikes', population: 'exc' },
      { id: 'inh_spikes', kind: 'spikes', population: 'inh' },
    ],
    run: { dt: CUBA.dt, duration: options.durationMs, seed: options.seed ?? 1, backend: 'auto' },
  };
}

/**
 * Brian2's CUBA at 4000 neurons; at other sizes the scaling series' CUBA-like network with the
 * same 80 expected synapses per neuron (p = 80/N).
 */
export function cubaNetwork(
  neurons: number = CUBA.neurons,
  durationMs: number = CUBA.durationMs,
): NetworkDocument {
  const p = neurons === CUBA.neurons ? CUBA.p : Math.min(1, SYNAPSES_PER_NEURON / neurons);
  return cubaLikeNetwork({ neurons, p, durationMs });
}
