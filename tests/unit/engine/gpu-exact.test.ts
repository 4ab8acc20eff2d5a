/**
 * The gpu backend's Node modes (gpu.js cpu and webasm) against the reference: CONTEXT.md
 * promises bit-identical spikes and state, so every spike, every traced float and every count
 * must be equal, whatever the chunk size.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createOnMode } from '../../../src/engine/backends/gpu/index.ts';
import { HISTORY_BITS } from '../../../src/engine/backends/gpu/layout.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { cubaDocument, lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { runDocument } from './fixtures/run.ts';

/** Noisy LIF, Poisson and generator sources, delta and exponential synapses, mixed delays. */
function mixedDocument(): NetworkDocument {
  const noisy = tutorialLif({
    v_rest: -65,
    v_reset: -70,
    v_threshold: -52,
    tau_mem: 12,
    resistance: 1.7,
    noise_std: 1.3,
    refractory_period: 2,
    bias: 5.5,
    v_init: { kind: 'uniform', low: -70, high: -55 },
  });
  return makeDocument(
    {
      populations: [
        { id: 'P', size: 40, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 80 } },
        {
          id: 'G',
          size: 5,
          position: { x: 0, y: 0 },
          model: 'spike_generator',
          params: { indices: [0, 3, 1, 4, 2, 0], times: [1, 1, 4, 7.5, 12, 20], period: 25 },
        },
        lifPopulation('A', 60, noisy),
        lifPopulation('B', 30, { ...noisy, noise_std: 0.4, refractory_period: 0, bias: 6.2 }),
      ],
      projections: [
        {
          id: 'PA',
          source: 'P',
          target: 'A',
          connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: true },
          weight: { kind: 'normal', mean: 0.8, std: 0.3 },
          delay: { kind: 'uniform_int', low: 0, high: 20 },
          synapse: { kind: 'exponential', tau: 4 },
        },
        {
          id: 'GA',
          source: 'G',
          target: 'A',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'constant', value: 3 },
          delay: { kind: 'constant', steps: 3 },
          synapse: { kind: 'delta' },
        },
        {
          id: 'AB',
          source: 'A',
          target: 'B',
          connectivity: { rule: 'fixed_fan_in', k: 12, allow_self: true },
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
          delay: { kind: 'uniform_int', low: 1, high: 4 },
          synapse: { kind: 'exponential', tau: 8 },
        },
        {
          id: 'AA',
          source: 'A',
          target: 'A',
          connectivity: { rule: 'fixed_probability', p: 0.1, allow_self: false },
          weight: { kind: 'uniform', low: -0.5, high: 0.9 },
          delay: { kind: 'uniform_int', low: 0, high: 2 },
          synapse: { kind: 'delta' },
        },
      ],
      stimuli: [
        { id: 's1', kind: 'current_step', target: 'A', start: 30, stop: 90, amplitude: 1.25 },
        { id: 's2', kind: 'current_step', target: 'A', start: 60, stop: 140, amplitude: -0.7 },
      ],
      probes: [
        { id: 'sp-P', kind: 'spikes', population: 'P' },
        { id: 'sp-G', kind: 'spikes', population: 'G' },
        { id: 'sp-A', kind: 'spikes', population: 'A' },
        { id: 'sp-B', kind: 'spikes', population: 'B' },
        { id: 'vA', kind: 'state', population: 'A', variable: 'v', neurons: [0, 7, 59] },
        { id: 'iA', kind: 'state', population: 'A', variable: 'i_syn', neurons: [3, 21] },
        { id: 'vB', kind: 'state', population: 'B', variable: 'v', neurons: [1, 29] },
        { id: 'rB', kind: 'rate', population: 'B', bin: 1 },
      ],
    },
    { dt: 0.5, duration: 150, seed: 977 },
  );
}

/** Bit patterns, so that -0 vs 0 and NaN payloads count as differences too. */
function bits(values: Float32Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}

function expectIdentical(actual: Chunk, expected: Chunk): void {
  expect(actual.steps).toBe(expected.steps);
  expect(Object.keys(actual.spikes).sort()).toEqual(Object.keys(expected.spikes).sort());
  for (const [id, block] of Object.entries(expected.spikes)) {
    expect(actual.spikes[id]?.steps, `spike steps of ${id}`).toEqual(block.steps);
    expect(actual.spikes[id]?.indices, `spike indices of ${id}`).toEqual(block.indices);
  }
  for (const [id, block] of Object.entries(expected.traces)) {
    const got = actual.traces[id];
    expect(got?.steps, `trace steps of ${id}`).toEqual(block.steps);
    expect(bits(got?.values ?? new Float32Array()), `trace ${id}`).toEqual(bits(block.values));
  }
  for (const [id, block] of Object.entries(expected.counts)) {
    expect(actual.counts[id]?.counts, `counts of ${id}`).toEqual(block.counts);
  }
}

function totalSpikes(chunk: Chunk): number {
  return Object.values(chunk.spikes).reduce((n, b) => n + b.steps.length, 0);
}

describe('gpu backend (Node modes) is bit-identical to the reference', () => {
  const doc = mixedDocument();
  let reference: Chunk | undefined;
  const expected = async (): Promise<Chunk> => (reference ??= await runDocument(doc));

  it('the mixed network is not trivial: every population spikes, delays reach word 2', async () => {
    const longest = Math.max(...compile(doc).projections.map((p) => p.maxDelay));
    expect(longest).toBeGreaterThanOrEqual(HISTORY_BITS);
    const ref = await expected();
    for (const id of ['P', 'G', 'A', 'B']) expect(ref.spikes[id]?.steps.length).toBeGreaterThan(5);
    expect(totalSpikes(ref)).toBeGreaterThan(500);
  });

  for (const backend of ['cpu', 'webasm'] as const) {
    for (const chunk of [1, 37, 300]) {
      it(`${backend}, chunks of ${chunk} steps`, async () => {
        expectIdentical(await runDocument(doc, backend, chunk), await expected());
      });
    }
  }

  // A chunk is cut into device calls of several steps (spikes then come back through the history
  // words, state probes through a read per step inside the call); call lengths around and
  // across the 16 steps of a history word, and chunks that are not a multiple of them.
  for (const [lengths, chunk] of [
    [[16, 4], 1],
    [[16, 4], 23],
    [[5], 37],
    [[64, 16, 4], 300],
    [[40, 7], 150],
  ] as const) {
    it(`webasm, device calls of ${lengths.join('/')} steps, chunks of ${chunk} steps`, async () => {
      const plan = compile(doc);
      const runner = await createOnMode(plan, 'webasm', { callLengths: lengths });
      try {
        const chunks: Chunk[] = [];
        while (runner.currentStep < plan.totalSteps) {
          chunks.push(await runner.run(Math.min(chunk, plan.totalSteps - runner.currentStep)));
        }
        expectIdentical(mergeChunks(chunks), await expected());
        expect(runner.executors().map((e) => e.executor)).toContain('fused-sync');
      } finally {
        runner.dispose();
      }
    });
  }

  // The GPU modes' flat 1D arrays (layout.ts), forced on the Node modes, with and without delays.
  for (const backend of ['cpu', 'webasm'] as const) {
    for (const delays of [true, false]) {
      it(`${backend}, flat arrays as on a GPU, ${delays ? 'mixed delays' : 'every delay 0'}`, async () => {
        const network = mixedDocument();
        if (!delays) for (const p of network.projections) p.delay = { kind: 'constant', steps: 0 };
        const plan = compile(network);
        const runner = await createOnMode(plan, backend, {
          flatArrays: true,
          callLengths: [16, 4],
        });
        try {
          const chunks: Chunk[] = [];
          while (runner.currentStep < plan.totalSteps) {
            chunks.push(await runner.run(Math.min(23, plan.totalSteps - runner.currentStep)));
          }
          const want = delays ? await expected() : await runDocument(network, 'reference', 64);
          expectIdentical(mergeChunks(chunks), want);
        } finally {
          runner.dispose();
        }
      });
    }
  }

  // Without delays the gather kernels read the step's flags instead of the history.
  for (const backend of ['cpu', 'webasm'] as const) {
    it(`${backend}, the same network with every delay 0`, async () => {
      const undelayed = mixedDocument();
      for (const p of undelayed.projections) p.delay = { kind: 'constant', steps: 0 };
      expect(Math.max(...compile(undelayed).projections.map((p) => p.maxDelay))).toBe(0);
      const ref = await runDocument(undelayed, 'reference', 64);
      expect(ref.spikes['B']?.steps.length).toBeGreaterThan(20);
      expectIdentical(await runDocument(undelayed, backend, 64), ref);
    });
  }

  // The delay-0 gather loads `gatherUnroll` synapses before adding them; lists shorter and
  // longer than one round, and remainders, must give the same sums as the plain loop.
  for (const gatherUnroll of [1, 2, 16]) {
    it(`webasm, every delay 0, gather unrolled by ${gatherUnroll}`, async () => {
      const undelayed = mixedDocument();
      for (const p of undelayed.projections) p.delay = { kind: 'constant', steps: 0 };
      const plan = compile(undelayed);
      const runner = await createOnMode(plan, 'webasm', { gatherUnroll, callLengths: [32, 8] });
      try {
        const chunks: Chunk[] = [];
        while (runner.currentStep < plan.totalSteps) {
          chunks.push(await runner.run(Math.min(45, plan.totalSteps - runner.currentStep)));
        }
        expectIdentical(mergeChunks(chunks), await runDocument(undelayed, 'reference', 64));
      } finally {
        runner.dispose();
      }
    });
  }

  it('webasm on 100 ms of CUBA (1000 steps, 320k synapses)', async () => {
    const cuba = cubaDocument(7, 100);
    cuba.probes.push({ id: 'v', kind: 'state', population: 'E', variable: 'v', neurons: [0, 9] });
    const ref = await runDocument(cuba, 'reference', 250);
    expect(totalSpikes(ref)).toBeGreaterThan(100);
    expectIdentical(await runDocument(cuba, 'webasm', 250), ref);
  });

  it('cpu on 30 ms of CUBA', async () => {
    const cuba = cubaDocument(3, 30);
    const ref = await runDocument(cuba, 'reference', 300);
    expect(totalSpikes(ref)).toBeGreaterThan(50);
    expectIdentical(await runDocument(cuba, 'cpu', 300), ref);
  });
});

describe('gpu backend numerical errors', () => {
  it('names the same population, step and neuron as the reference', async () => {
    const doc = makeDocument(
      {
        populations: [
          // Fires within a few steps; each spike adds 3e38 to 'bad''s current, which overflows.
          lifPopulation('ok', 4, tutorialLif({ bias: 0.2 })),
          lifPopulation('bad', 4, tutorialLif({ bias: 0.01 })),
        ],
        projections: [
          {
            id: 'boom',
            source: 'ok',
            target: 'bad',
            connectivity: { rule: 'one_to_one' },
            weight: { kind: 'constant', value: 3e38 },
            delay: { kind: 'constant', steps: 0 },
            synapse: { kind: 'exponential', tau: 1000 },
          },
        ],
      },
      { dt: 1, duration: 400 },
    );
    const failure = async (backend: 'reference' | 'cpu' | 'webasm'): Promise<NumericalError> => {
      const error: unknown = await runDocument(doc, backend, 400).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NumericalError);
      return error as NumericalError;
    };
    const ref = await failure('reference');
    for (const backend of ['cpu', 'webasm'] as const) {
      const got = await failure(backend);
      expect([got.population, got.step, got.neuron, got.variable]).toEqual([
        ref.population,
        ref.step,
        ref.neuron,
        ref.variable,
      ]);
    }
  });
});
