/**
 * Loihi engine details beyond the brian2-loihi vectors: the actual-weight rule on its edges,
 * the 2^24 state limit, and the one-step delivery delay of a Loihi source into a LIF.
 */
import { describe, expect, it } from 'vitest';
import { loihiActualWeight } from '../../../src/engine/compile/loihi-plan.ts';
import { BackendUnavailableError, NumericalError } from '../../../src/engine/errors.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { LoihiSynapse, NetworkDocument } from '../../../src/model/document.ts';
import { createPopulation } from '../../../src/model/index.ts';
import { runDocument, spikeStepsOf } from './fixtures/run.ts';

const syn = (sign_mode: LoihiSynapse['sign_mode'], num_weight_bits: number, w_exp: number) =>
  ({ kind: 'loihi', sign_mode, num_weight_bits, w_exp }) as LoihiSynapse;

describe('loihiActualWeight (brian2-loihi calcActualWeights)', () => {
  it('matches values worked by hand', () => {
    expect(loihiActualWeight(50, syn('mixed', 8, 0))).toBe(3200);
    expect(loihiActualWeight(-60, syn('mixed', 8, 0))).toBe(-3840);
    // 5 bits, excitatory: precision 2^3, trunc(255 / 8) * 8 = 248.
    expect(loihiActualWeight(255, syn('excitatory', 5, 0))).toBe(248 * 64);
    // Truncation is towards 0, and -0 comes out as 0.
    expect(Object.is(loihiActualWeight(-7, syn('inhibitory', 5, 0)), 0)).toBe(true);
    // w_exp -8: 100 * 2^-2 = 25 floors to 0; -100 * 2^-2 = -25 floors to -64.
    expect(loihiActualWeight(100, syn('excitatory', 8, -8))).toBe(0);
    expect(loihiActualWeight(-100, syn('inhibitory', 8, -8))).toBe(-64);
    // 254 * 2^13 = 2080768 is below the limit 2^21 - 64 = 2097088; -256 * 2^13 is beyond it.
    expect(loihiActualWeight(254, syn('mixed', 8, 7))).toBe(2080768);
    expect(loihiActualWeight(-256, syn('mixed', 8, 7))).toBe(-2097088);
  });
});

function generatorInto(targetModel: 'loihi' | 'stochastic_lif'): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'loihi engine',
    populations: [
      {
        id: 'gen',
        model: 'spike_generator',
        size: 1,
        position: { x: 0, y: 0 },
        params: { indices: [0], times: [2], period: 0 },
      },
      {
        id: 'a',
        model: 'loihi',
        size: 1,
        position: { x: 0, y: 0 },
        params: { refractory: 1, threshold_v_mant: 10, decay_v: 0, decay_I: 4096 },
      },
      { ...createPopulation(targetModel, 'b', { x: 0, y: 0 }), size: 1 },
    ],
    projections: [
      {
        id: 'gen_a',
        source: 'gen',
        target: 'a',
        connectivity: { rule: 'one_to_one' },
        weight: { kind: 'constant', value: 20 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'loihi', w_exp: 0, sign_mode: 'excitatory', num_weight_bits: 8 },
      },
    ],
    stimuli: [],
    probes: [
      { id: 'a_spikes', kind: 'spikes', population: 'a' },
      { id: 'b_spikes', kind: 'spikes', population: 'b' },
    ],
    run: { dt: 1, duration: 10, seed: 1, backend: 'reference' },
  };
}

describe('Loihi in the step', () => {
  it('delivers a Loihi spike of step t to a Loihi target at t+1, to a LIF at t+1 too', async () => {
    const loihi = generatorInto('loihi');
    loihi.projections.push({
      id: 'a_b',
      source: 'a',
      target: 'b',
      connectivity: { rule: 'one_to_one' },
      weight: { kind: 'constant', value: 120 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'loihi', w_exp: 0, sign_mode: 'excitatory', num_weight_bits: 8 },
    });
    const chunk = await runDocument(loihi);
    // 20 * 64 = 1280 > 640: a spikes in the generator's step; 120 * 64 = 7680 > 6400 (b's
    // default threshold) makes b spike one step later.
    expect(spikeStepsOf(chunk, 'a')).toEqual([2]);
    expect(spikeStepsOf(chunk, 'b')).toEqual([3]);

    const mixed = generatorInto('stochastic_lif');
    mixed.projections.push({
      id: 'a_b',
      source: 'a',
      target: 'b',
      connectivity: { rule: 'one_to_one' },
      weight: { kind: 'constant', value: 5 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'delta' },
    });
    const lif = await runDocument(mixed);
    // A delta event of step 3 is felt by the LIF's integration of step 4 (CONTEXT.md step 5).
    expect(spikeStepsOf(lif, 'b')).toEqual([4]);
  });

  it.each(['reference', 'wasm'] as const)(
    'stops with NumericalError when I reaches 2^24 (%s)',
    async (backend) => {
      const run = runDocument(overflowing(), backend);
      await expect(run).rejects.toBeInstanceOf(NumericalError);
      // 9 * 2080768 = 18726912 >= 2^24 = 16777216, reported exactly.
      await expect(run).rejects.toThrow(/population 'a': I of neuron 0 became 18726912 at step 1;/);
    },
  );

  it('auto runs Loihi networks on wasm, which refuses inputs its f32 sums cannot hold', async () => {
    const sim = await createSimulation(generatorInto('loihi'), { backend: 'auto' });
    expect(sim.backend).toBe('wasm');
    sim.dispose();
    const doc = overflowing();
    const gen = doc.populations[0];
    if (gen?.model !== 'spike_generator') throw new Error('fixture');
    // 520 sources of weight 2080768 can add up to more than 2^30 in one step.
    gen.size = 520;
    await expect(createSimulation(doc, { backend: 'wasm' })).rejects.toBeInstanceOf(
      BackendUnavailableError,
    );
  });
});

/** 9 simultaneous maximal events (w_exp 7) into one neuron that never decays its current. */
function overflowing(): NetworkDocument {
  const doc = generatorInto('loihi');
  const gen = doc.populations[0];
  const a = doc.populations[1];
  if (gen?.model !== 'spike_generator' || a?.model !== 'loihi') throw new Error('fixture');
  gen.size = 9;
  gen.params = {
    indices: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    times: [1, 1, 1, 1, 1, 1, 1, 1, 1],
    period: 0,
  };
  a.params = { refractory: 1, threshold_v_mant: 131071, decay_v: 0, decay_I: 0 };
  doc.projections[0] = {
    id: 'gen_a',
    source: 'gen',
    target: 'a',
    connectivity: { rule: 'all_to_all', allow_self: true },
    weight: { kind: 'constant', value: 254 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'loihi', w_exp: 7, sign_mode: 'mixed', num_weight_bits: 8 },
  };
  return doc;
}
