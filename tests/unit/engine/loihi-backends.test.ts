/**
 * Reference and wasm agree bit for bit on Loihi networks beyond brian2-loihi's vectors: Poisson
 * and LIF sources, random connectivity, per-synapse delays (uniform_int, which brian2-loihi's
 * one delay per synapse object cannot express), recurrent Loihi populations and Loihi -> LIF.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { NetworkDocument, Projection } from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import { runDocument } from './fixtures/run.ts';

function loihiProjection(
  id: string,
  source: string,
  target: string,
  mantissa: number,
  sign_mode: 'mixed' | 'excitatory' | 'inhibitory',
  delay: Projection['delay'],
): Projection {
  return {
    id,
    source,
    target,
    connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: false },
    weight: { kind: 'constant', value: mantissa },
    delay,
    synapse: { kind: 'loihi', w_exp: 0, sign_mode, num_weight_bits: 7 },
  };
}

function network(seed: number): NetworkDocument {
  const lif = { ...createPopulation('stochastic_lif', 'lif', { x: 0, y: 0 }), size: 20 };
  if (lif.model === 'stochastic_lif') lif.params = { ...lif.params, bias: 0.08, noise_std: 0.05 };
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'loihi backends',
    populations: [
      { ...createPopulation('poisson', 'noise', { x: 0, y: 0 }), size: 40 },
      lif,
      {
        id: 'exc',
        model: 'loihi',
        size: 60,
        position: { x: 0, y: 0 },
        params: { refractory: 3, threshold_v_mant: 40, decay_v: 300, decay_I: 900 },
      },
      {
        id: 'inh',
        model: 'loihi',
        size: 15,
        position: { x: 0, y: 0 },
        params: { refractory: 1, threshold_v_mant: 25, decay_v: 0, decay_I: 4096 },
      },
      { ...createPopulation('stochastic_lif', 'readout', { x: 0, y: 0 }), size: 5 },
    ],
    projections: [
      loihiProjection('noise_exc', 'noise', 'exc', 90, 'excitatory', {
        kind: 'uniform_int',
        low: 0,
        high: 4,
      }),
      loihiProjection('lif_exc', 'lif', 'exc', 60, 'mixed', { kind: 'constant', steps: 2 }),
      loihiProjection('exc_exc', 'exc', 'exc', 30, 'excitatory', {
        kind: 'uniform_int',
        low: 0,
        high: 7,
      }),
      loihiProjection('exc_inh', 'exc', 'inh', 70, 'excitatory', { kind: 'constant', steps: 0 }),
      loihiProjection('inh_exc', 'inh', 'exc', -120, 'inhibitory', {
        kind: 'uniform_int',
        low: 1,
        high: 3,
      }),
      {
        id: 'exc_readout',
        source: 'exc',
        target: 'readout',
        connectivity: { rule: 'all_to_all', allow_self: false },
        weight: { kind: 'constant', value: 0.02 },
        delay: { kind: 'constant', steps: 1 },
        synapse: { kind: 'exponential', tau: 5 },
      },
    ],
    stimuli: [],
    probes: [
      { id: 'exc_spikes', kind: 'spikes', population: 'exc' },
      { id: 'inh_spikes', kind: 'spikes', population: 'inh' },
      { id: 'readout_spikes', kind: 'spikes', population: 'readout' },
      { id: 'exc_v', kind: 'state', population: 'exc', variable: 'v', neurons: [0, 7, 33, 59] },
      { id: 'exc_i', kind: 'state', population: 'exc', variable: 'i_syn', neurons: [0, 7, 59] },
      { id: 'inh_v', kind: 'state', population: 'inh', variable: 'v', neurons: [0, 14] },
      { id: 'readout_v', kind: 'state', population: 'readout', variable: 'v', neurons: [0, 4] },
    ],
    run: { dt: 1, duration: 400, seed, backend: 'reference' },
  };
}

function digest(chunk: Chunk): unknown {
  return {
    spikes: Object.fromEntries(
      Object.entries(chunk.spikes).map(([k, b]) => [
        k,
        [Array.from(b.steps), Array.from(b.indices)],
      ]),
    ),
    traces: Object.fromEntries(
      Object.entries(chunk.traces).map(([k, b]) => [k, Array.from(b.values)]),
    ),
  };
}

describe('Loihi: reference and wasm are bit-identical', () => {
  it.each([1, 2, 3])('seed %i, chunks of 37 steps on wasm', async (seed) => {
    const doc = network(seed);
    const reference = await runDocument(doc, 'reference');
    const wasm = await runDocument(doc, 'wasm', 37);
    // The network is alive: every population spikes, so the comparison means something.
    for (const id of ['exc', 'inh', 'readout'])
      expect(reference.spikes[id]?.steps.length ?? 0, id).toBeGreaterThan(10);
    expect(digest(wasm)).toEqual(digest(reference));
  });
});
