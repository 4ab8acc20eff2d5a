/**
 * Networks and helpers of the sweep tests: a mixed float network (noise, Poisson and generator
 * sources, delta and exponential synapses with delays, stimuli, every probe kind), the gallery
 * examples read from public/examples, and the batch run compared with single runs.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { createBatch } from '../../../src/engine/sweep/batch.ts';
import type { BackendChoice, NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/validate.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { runDocument } from './fixtures/run.ts';

export function example(name: string): NetworkDocument {
  const url = new URL(`../../../public/examples/${name}.json`, import.meta.url);
  const parsed = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!parsed.ok) throw new Error(`example ${name}: ${parsed.issues[0]?.message ?? ''}`);
  return parsed.document;
}

/** Float network with every feature the classic kernels share; `duration` in ms (dt 0.5). */
export function mixedNetwork(duration = 60): NetworkDocument {
  const noisy = tutorialLif({
    v_rest: -65,
    v_reset: -70,
    v_threshold: -52,
    tau_mem: 12,
    resistance: 1.7,
    noise_std: 1.1,
    refractory_period: 2,
    bias: 6,
    v_init: { kind: 'uniform', low: -70, high: -55 },
  });
  return makeDocument(
    {
      populations: [
        { id: 'P', size: 20, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 90 } },
        {
          id: 'G',
          size: 3,
          position: { x: 0, y: 0 },
          model: 'spike_generator',
          params: { indices: [0, 2, 1, 0], times: [1, 4, 7.5, 12], period: 15 },
        },
        lifPopulation('A', 24, noisy),
        lifPopulation('B', 10, { ...noisy, noise_std: 0.3, refractory_period: 0 }),
      ],
      projections: [
        {
          id: 'PA',
          source: 'P',
          target: 'A',
          connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: true },
          weight: { kind: 'normal', mean: 0.8, std: 0.3 },
          delay: { kind: 'uniform_int', low: 0, high: 6 },
          synapse: { kind: 'exponential', tau: 4 },
        },
        {
          id: 'GA',
          source: 'G',
          target: 'A',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'constant', value: 3 },
          delay: { kind: 'constant', steps: 2 },
          synapse: { kind: 'delta' },
        },
        {
          id: 'AB',
          source: 'A',
          target: 'B',
          connectivity: { rule: 'fixed_fan_in', k: 6, allow_self: true },
          weight: { kind: 'uniform', low: 0.5, high: 2.5 },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'exponential', tau: 3 },
        },
        {
          id: 'BA',
          source: 'B',
          target: 'A',
          connectivity: { rule: 'fixed_probability', p: 0.2, allow_self: true },
          weight: { kind: 'constant', value: -1.7 },
          delay: { kind: 'uniform_int', low: 1, high: 3 },
          synapse: { kind: 'exponential', tau: 8 },
        },
      ],
      stimuli: [
        { id: 's1', kind: 'current_step', target: 'A', start: 10, stop: 40, amplitude: 1.25 },
      ],
      probes: [
        { id: 'sp-P', kind: 'spikes', population: 'P' },
        { id: 'sp-A', kind: 'spikes', population: 'A' },
        { id: 'sp-B', kind: 'spikes', population: 'B' },
        { id: 'vA', kind: 'state', population: 'A', variable: 'v', neurons: [0, 7, 23] },
        { id: 'iB', kind: 'state', population: 'B', variable: 'i_syn', neurons: [1, 9] },
        { id: 'rB', kind: 'rate', population: 'B', bin: 1 },
      ],
    },
    { dt: 0.5, duration, seed: 977 },
  );
}

/** The batch of `docs` on `backend`, in chunks of `chunkSteps`: each variant's whole run. */
export async function runBatch(
  docs: readonly NetworkDocument[],
  backend: BackendChoice,
  chunkSteps: number,
): Promise<Chunk[]> {
  const batch = await createBatch(docs, { backend });
  try {
    const chunks: Chunk[][] = docs.map(() => []);
    while (batch.currentStep < batch.totalSteps) {
      (await batch.step(chunkSteps)).forEach((c, v) => chunks[v]?.push(c));
    }
    return chunks.map((c) => mergeChunks(c));
  } finally {
    batch.dispose();
  }
}

/** Bit patterns, so that -0 against 0 and NaN payloads count as differences. */
function bits(values: Float32Array | undefined): Uint32Array {
  const v = values ?? new Float32Array();
  return new Uint32Array(v.buffer, v.byteOffset, v.length);
}

/** Every spike, every traced float's bits and every count equal. */
export function expectIdentical(actual: Chunk, expected: Chunk, label: string): void {
  expect(actual.steps, label).toBe(expected.steps);
  expect(Object.keys(actual.spikes).sort(), label).toEqual(Object.keys(expected.spikes).sort());
  expect(Object.keys(actual.traces).sort(), label).toEqual(Object.keys(expected.traces).sort());
  for (const [id, block] of Object.entries(expected.spikes)) {
    expect(actual.spikes[id]?.steps, `${label}: spike steps of ${id}`).toEqual(block.steps);
    expect(actual.spikes[id]?.indices, `${label}: spike indices of ${id}`).toEqual(block.indices);
  }
  for (const [id, block] of Object.entries(expected.traces)) {
    expect(actual.traces[id]?.steps, `${label}: trace steps of ${id}`).toEqual(block.steps);
    expect(bits(actual.traces[id]?.values), `${label}: trace ${id}`).toEqual(bits(block.values));
  }
  for (const [id, block] of Object.entries(expected.counts)) {
    expect(actual.counts[id]?.counts, `${label}: counts of ${id}`).toEqual(block.counts);
  }
}

export function spikeTotal(chunk: Chunk): number {
  return Object.values(chunk.spikes).reduce((n, b) => n + b.steps.length, 0);
}

/**
 * Runs the variants as one batch and one by one on the same backend and expects every
 * variant's record identical; returns the single runs' spike totals (so a test can check the
 * variants differ, i.e. that the swept number reached the network).
 */
export async function expectBatchEqualsSingles(
  docs: readonly NetworkDocument[],
  backend: BackendChoice,
  chunkSteps = 37,
): Promise<number[]> {
  const batched = await runBatch(docs, backend, chunkSteps);
  const totals: number[] = [];
  for (const [v, doc] of docs.entries()) {
    const single = await runDocument(doc, backend, 1000);
    const got = batched[v];
    if (!got) throw new Error(`variant ${v} missing from the batch`);
    expectIdentical(got, single, `${backend}, variant ${v}`);
    totals.push(spikeTotal(single));
  }
  return totals;
}
