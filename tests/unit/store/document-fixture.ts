/** A small hand-written network for the document store tests (independent of model defaults). */
import type { NetworkDocument } from '../../../src/model/document.ts';

export function fixtureDocument(): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'fixture',
    populations: [
      {
        id: 'inp',
        size: 20,
        position: { x: 0, y: 0 },
        model: 'poisson',
        params: { rate: 10 },
      },
      {
        id: 'exc',
        label: 'Excitatory',
        size: 80,
        position: { x: 200, y: 0 },
        model: 'stochastic_lif',
        params: {
          v_rest: -65,
          v_reset: -65,
          v_threshold: -50,
          tau_mem: 20,
          resistance: 1,
          noise_std: 0,
          refractory_period: 2,
          bias: 0,
          v_init: { kind: 'constant', value: -65 },
        },
      },
    ],
    projections: [
      {
        id: 'inp_exc',
        source: 'inp',
        target: 'exc',
        connectivity: { rule: 'fixed_probability', p: 0.1, allow_self: false },
        weight: { kind: 'constant', value: 1.5 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
      {
        id: 'exc_exc',
        source: 'exc',
        target: 'exc',
        connectivity: { rule: 'all_to_all', allow_self: false },
        weight: { kind: 'constant', value: -0.5 },
        delay: { kind: 'constant', steps: 1 },
        synapse: { kind: 'exponential', tau: 5 },
      },
    ],
    stimuli: [
      { id: 'step1', kind: 'current_step', target: 'exc', start: 10, stop: 50, amplitude: 2 },
    ],
    probes: [
      { id: 'spk_exc', kind: 'spikes', population: 'exc' },
      { id: 'spk_inp', kind: 'spikes', population: 'inp' },
    ],
    run: { dt: 0.1, duration: 100, seed: 1, backend: 'reference' },
  };
}
