/**
 * The gallery's loihi-float-twin.json is loihi.json in floating point, as the Loihi lesson
 * says: its numbers follow from loihi.json's (tau = -1 / ln(1 - decay/4096), weight =
 * mantissa / threshold_v_mant), it gives Loihi's 16 spikes (one step later each) on every
 * backend Node has, and Brian2 (its own float64 integrator, running our export) gives the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendChoice, NetworkDocument } from '../../../src/model/document.ts';
import { formatIssue, parseDocumentJson } from '../../../src/model/index.ts';
import { runDocument } from '../engine/fixtures/run.ts';
import { runBrian2, runSpikelab } from '../interchange/brian2-fixtures.ts';

function load(file: string): NetworkDocument {
  const url = new URL(`../../../public/examples/${file}`, import.meta.url);
  const result = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map(formatIssue).join('; ')}`);
  return result.document;
}

/** `population`'s spikes as [step, neuron] pairs in recorded order. */
function spikes(chunk: Chunk, population: string): [number, number][] {
  const block = chunk.spikes[population];
  if (block === undefined) throw new Error(`no spike probe on '${population}'`);
  return Array.from(block.steps, (step, k) => [step, block.indices[k] ?? -1]);
}

const loihi = load('loihi.json');
const twin = load('loihi-float-twin.json');

describe('loihi-float-twin.json', () => {
  it("is loihi.json's network with float neurons derived from the Loihi parameters", () => {
    const [inputs, neurons] = loihi.populations;
    const [twinInputs, floats] = twin.populations;
    expect(twinInputs).toEqual(inputs);
    if (neurons?.model !== 'loihi' || floats?.model !== 'stochastic_lif') {
      throw new Error('expected a loihi and a stochastic_lif population');
    }
    expect(floats.size).toBe(neurons.size);
    const tau = (decay: number) => -1 / Math.log(1 - decay / 4096);
    expect(floats.params.tau_mem).toBeCloseTo(tau(neurons.params.decay_v), 3);
    expect(floats.params).toMatchObject({
      v_threshold: 1,
      v_reset: 0,
      noise_std: 0,
      refractory_period: neurons.params.refractory,
    });
    const [synapses] = loihi.projections;
    const [floatSynapses] = twin.projections;
    if (synapses?.synapse.kind !== 'loihi' || floatSynapses?.weight.kind !== 'explicit') {
      throw new Error('expected Loihi mantissas and explicit float weights');
    }
    if (floatSynapses.synapse.kind !== 'exponential') throw new Error('expected exponential');
    expect(floatSynapses.synapse.tau).toBeCloseTo(tau(neurons.params.decay_I), 3);
    const mantissas = synapses.synapse.mantissas ?? [];
    expect(mantissas).toHaveLength(6);
    floatSynapses.weight.values.forEach((w, k) =>
      expect(w).toBeCloseTo((mantissas[k] ?? NaN) / neurons.params.threshold_v_mant, 4),
    );
    expect(twin.run).toMatchObject({ dt: loihi.run.dt, duration: loihi.run.duration });
  });

  it('gives the same spikes on reference, wasm and gpu.js (webasm, cpu): 16, as Loihi does', async () => {
    const expected = spikes(await runDocument(twin, 'reference'), 'float');
    const integer = spikes(await runDocument(loihi, 'reference'), 'loihi');
    expect(integer).toHaveLength(16);
    // Not only the count: the same neurons in the same order, each one step after Loihi's
    // (measured; the float LIF and the Loihi compartment take the input current a step apart).
    expect(expected).toEqual(integer.map(([step, neuron]) => [step + 1, neuron]));
    for (const backend of ['wasm', 'webasm', 'cpu'] as const satisfies BackendChoice[]) {
      expect(spikes(await runDocument(twin, backend), 'float'), backend).toEqual(expected);
    }
  });

  it('gives the same spikes under Brian2 (the exported script)', async () => {
    const [ours, theirs] = await Promise.all([runSpikelab(twin, 'reference'), runBrian2(twin)]);
    expect(ours.spikes['float']?.t).toHaveLength(16);
    expect(theirs.spikes['float']).toEqual(ours.spikes['float']);
  }, 120_000);
});
