/**
 * Plan shapes the kernel handles on separate paths, each against the reference: targets past
 * 65536 neurons (32-bit target indices instead of 16-bit), exponential currents and delta
 * synapses onto a population that has no membrane (a Poisson source), and a NaN there.
 * compile() is called directly: some of these documents are ones validation would refuse, but
 * a Plan is the backends' contract and must run the same everywhere.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { NetworkDocument, Population, Projection } from '../../../src/model/document.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

const at = { x: 0, y: 0 };

function link(id: string, source: string, target: string, rest: Partial<Projection>): Projection {
  return {
    id,
    source,
    target,
    connectivity: { rule: 'one_to_one' },
    weight: { kind: 'constant', value: 1 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
    ...rest,
  };
}

async function expectSameRun(doc: NetworkDocument, chunks: number[]): Promise<void> {
  const plan = compile(doc);
  const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
  const spikes = Object.values(expected.spikes).reduce((s, b) => s + b.steps.length, 0);
  expect(spikes).toBeGreaterThan(10);
  for (const chunk of chunks)
    expectIdentical(await runChunks(createWasmBackend, plan, chunk), expected);
}

function generator(id: string, size: number, times: number[]): Population {
  return {
    id,
    size,
    position: at,
    model: 'spike_generator',
    params: { indices: times.map((_, k) => k % size), times, period: 0 },
  };
}

describe('wasm backend: kernel paths beyond the common case', () => {
  it('a 70000-neuron target uses 32-bit target indices; a full-population probe needs several calls per chunk', async () => {
    const n = 70000;
    const doc = makeDocument(
      {
        populations: [
          { id: 'P', size: n, position: at, model: 'poisson', params: { rate: 60 } },
          lifPopulation('L', n, tutorialLif({ tau_mem: 5, refractory_period: 2 })),
        ],
        projections: [
          link('PL', 'P', 'L', { weight: { kind: 'uniform', low: 0.4, high: 1.2 } }),
          link('LL', 'L', 'L', {
            connectivity: { rule: 'fixed_fan_in', k: 2, allow_self: false },
            synapse: { kind: 'exponential', tau: 3 },
            weight: { kind: 'constant', value: 0.3 },
            delay: { kind: 'uniform_int', low: 1, high: 2 },
          }),
        ],
        probes: [
          { id: 'sL', kind: 'spikes', population: 'L' },
          {
            id: 'vL',
            kind: 'state',
            population: 'L',
            variable: 'v',
            neurons: [0, 65535, 65536, n - 1],
          },
          // Every neuron, every step: the sample buffer holds 16 steps, so each chunk takes
          // several kernel calls (the early return when the record buffers are full).
          {
            id: 'all',
            kind: 'state',
            population: 'L',
            variable: 'i_syn',
            neurons: Array.from({ length: n }, (_, i) => i),
          },
        ],
      },
      { dt: 1, duration: 25 },
    );
    expect(compile(doc).projections[0]?.csr.targets.length).toBe(n);
    await expectSameRun(doc, [25, 4]);
  });

  it('currents and delta synapses onto a Poisson population are decayed, probed and ignored', async () => {
    const doc = makeDocument(
      {
        populations: [
          generator('G', 4, [1, 2, 2, 5, 9, 9, 14, 20]),
          { id: 'P', size: 4, position: at, model: 'poisson', params: { rate: 300 } },
          lifPopulation('L', 4, tutorialLif({ bias: 0.06, tau_mem: 10 })),
        ],
        projections: [
          link('GP', 'G', 'P', {
            synapse: { kind: 'exponential', tau: 4 },
            weight: { kind: 'constant', value: 2.5 },
          }),
          link('GPd', 'G', 'P', { weight: { kind: 'constant', value: 7 } }),
          link('PL', 'P', 'L', {
            synapse: { kind: 'exponential', tau: 2 },
            weight: { kind: 'constant', value: 0.4 },
          }),
        ],
        probes: [
          { id: 'sP', kind: 'spikes', population: 'P' },
          { id: 'sL', kind: 'spikes', population: 'L' },
          { id: 'iP', kind: 'state', population: 'P', variable: 'i_syn', neurons: [0, 3] },
          { id: 'vL', kind: 'state', population: 'L', variable: 'v', neurons: [1] },
        ],
      },
      { dt: 1, duration: 40, seed: 3 },
    );
    await expectSameRun(doc, [40, 1, 6]);
  });

  it('an overflowing current on a Poisson population stops both backends alike', async () => {
    const doc = makeDocument(
      {
        populations: [
          generator('G', 2, [2, 3]),
          { id: 'P', size: 2, position: at, model: 'poisson', params: { rate: 100 } },
        ],
        projections: [
          link('GP', 'G', 'P', {
            connectivity: { rule: 'all_to_all', allow_self: true },
            synapse: { kind: 'exponential', tau: 50 },
            weight: { kind: 'constant', value: 2e38 },
          }),
        ],
        probes: [{ id: 'sP', kind: 'spikes', population: 'P' }],
      },
      { dt: 1, duration: 10 },
    );
    const plan = compile(doc);
    const failure = async (factory: typeof createWasmBackend, chunk: number): Promise<unknown> => {
      const runner = await factory(plan);
      try {
        for (let t = 0; t < plan.totalSteps; t += chunk) await runner.run(chunk);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const expected = await failure(createReferenceBackend, 10);
    expect(expected).toBeInstanceOf(NumericalError);
    for (const chunk of [10, 1, 3]) {
      const actual = await failure(createWasmBackend, chunk);
      expect(actual).toBeInstanceOf(NumericalError);
      expect(actual).toMatchObject({ ...(expected as NumericalError) });
      expect((actual as Error).message).toBe((expected as Error).message);
    }
  });
});
