/**
 * NaN and infinity in the wasm backend: the kernel checks cheaply and, when its check fires,
 * re-runs the call checking every step, so the NumericalError names the same population, step,
 * neuron, variable and value as the reference's, whatever the chunk size; an overflow that
 * never reaches the state (a held neuron) must not stop the run.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendFactory } from '../../../src/engine/backends/backend.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { instantiateKernel, type KernelExports } from '../../../src/engine/backends/wasm/module.ts';
import { WasmRunner } from '../../../src/engine/backends/wasm/runner.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { BackendUnavailableError, NumericalError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { expectIdentical } from './wasm-compare.ts';

interface Outcome {
  record: Chunk;
  error: NumericalError | undefined;
  currentStep: number;
}

/** Runs in chunks until the end or the first error; keeps what was recorded before it. */
async function runUntilError(factory: BackendFactory, plan: Plan, chunk: number): Promise<Outcome> {
  const runner = await factory(plan);
  const chunks: Chunk[] = [];
  let error: NumericalError | undefined;
  while (runner.currentStep < plan.totalSteps && !error) {
    try {
      chunks.push(await runner.run(Math.min(chunk, plan.totalSteps - runner.currentStep)));
    } catch (e) {
      if (!(e instanceof NumericalError)) throw e;
      error = e;
    }
  }
  return { record: mergeChunks(chunks), error, currentStep: runner.currentStep };
}

async function expectSameOutcome(doc: NetworkDocument, chunks: number[]): Promise<Outcome> {
  const plan = compile(doc);
  const expected = await runUntilError(createReferenceBackend, plan, plan.totalSteps);
  for (const chunk of chunks) {
    const actual = await runUntilError(createWasmBackend, plan, chunk);
    expect(actual.error?.message).toBe(expected.error?.message);
    expect(actual.error?.population).toBe(expected.error?.population);
    expect(actual.error?.step).toBe(expected.error?.step);
    expect(actual.error?.neuron).toBe(expected.error?.neuron);
    expect(actual.error?.variable).toBe(expected.error?.variable);
    expect(Object.is(actual.error?.value, expected.error?.value)).toBe(true);
    expect(actual.currentStep).toBe(expected.currentStep);
    // Whole chunks before the error are identical; a chunk that failed returns nothing.
    const steps = actual.record.steps;
    const head = await runUntilError(createReferenceBackend, { ...plan, totalSteps: steps }, steps);
    expectIdentical(actual.record, head.record);
  }
  return expected;
}

/** A wasm runner whose kernel notes the start step of every checked call. */
async function countingRunner(plan: Plan): Promise<{ runner: WasmRunner; checkedCalls: number[] }> {
  const kernel = await instantiateKernel();
  const checkedCalls: number[] = [];
  const counting: KernelExports = {
    memory: kernel.memory,
    heapBase: () => kernel.heapBase(),
    run: (header, start, n, checked) => {
      if (checked) checkedCalls.push(start);
      return kernel.run(header, start, n, checked);
    },
  };
  return { runner: new WasmRunner(plan, counting), checkedCalls };
}

const probes = (id: string): NetworkDocument['probes'] => [
  { id: `spk-${id}`, kind: 'spikes', population: id },
  { id: `v-${id}`, kind: 'state', population: id, variable: 'v', neurons: [0, 2] },
];

describe('wasm backend: non-finite state', () => {
  it('V runs away through a tiny time constant: same error as the reference', async () => {
    const doc = makeDocument(
      {
        populations: [
          lifPopulation('L', 3, tutorialLif({ v_threshold: 1e30, v_rest: 0, tau_mem: 0.004 })),
          lifPopulation(
            'fast',
            6,
            // leak = dt/tau = 1000: |V| grows a thousandfold per step with alternating sign;
            // neurons that reach +inf spike and reset, the others hit -inf.
            tutorialLif({
              tau_mem: 0.001,
              v_threshold: 3e38,
              v_init: { kind: 'uniform', low: -0.9, high: 0.9 },
            }),
          ),
        ],
        probes: probes('fast'),
      },
      { dt: 1, duration: 40 },
    );
    const expected = await expectSameOutcome(doc, [40, 1, 5, 11]);
    expect(expected.error?.population).toBe('fast');
    expect(expected.error?.variable).toBe('v');
    expect(expected.error?.step).toBeGreaterThan(3);
  });

  it('a synaptic current overflows: located in i_syn on the step it happened', async () => {
    const doc = makeDocument(
      {
        populations: [
          {
            id: 'G',
            size: 2,
            position: { x: 0, y: 0 },
            model: 'spike_generator',
            params: { indices: [1, 1, 1], times: [2, 5, 6], period: 0 },
          },
          lifPopulation('L', 7, tutorialLif({ resistance: 0.5, v_threshold: 1e38 })),
        ],
        projections: [
          {
            id: 'GL',
            source: 'G',
            target: 'L',
            connectivity: { rule: 'all_to_all', allow_self: true },
            weight: { kind: 'constant', value: 2e38 },
            delay: { kind: 'constant', steps: 0 },
            synapse: { kind: 'exponential', tau: 10 },
          },
        ],
        probes: probes('L'),
      },
      { dt: 1, duration: 20 },
    );
    // 2e38 at step 2, decayed by exp(-1/10) three times, plus 2e38 at step 5 overflows. Chunks
    // of 6 end on step 5, so there the end-of-call check finds it.
    const expected = await expectSameOutcome(doc, [20, 6, 1, 4]);
    expect(expected.error?.variable).toBe('i_syn (tau 10 ms)');
    expect(expected.error?.step).toBe(5);
    // Found by the end-of-call scan of a fast call, located by its checked repetition.
    const { runner, checkedCalls } = await countingRunner(compile(doc));
    await runner.run(4);
    await expect(runner.run(10)).rejects.toMatchObject({ step: 5, neuron: 0 });
    expect(checkedCalls).toEqual([4]);
  });

  it('an overflow in a held neuron never reaches the state and does not stop the run', async () => {
    const doc = makeDocument(
      {
        populations: [
          {
            id: 'G',
            size: 1,
            position: { x: 0, y: 0 },
            model: 'spike_generator',
            params: { indices: [0], times: [1], period: 0 },
          },
          lifPopulation(
            'L',
            3,
            tutorialLif({
              resistance: 10,
              refractory_period: 30,
              v_init: { kind: 'constant', value: 2 },
            }),
          ),
        ],
        projections: [
          {
            id: 'GL',
            source: 'G',
            target: 'L',
            connectivity: { rule: 'all_to_all', allow_self: true },
            weight: { kind: 'constant', value: 1e38 },
            delay: { kind: 'constant', steps: 0 },
            synapse: { kind: 'exponential', tau: 1000 },
          },
        ],
        probes: probes('L'),
      },
      { dt: 1, duration: 100 },
    );
    const expected = await expectSameOutcome(doc, [100, 9, 1]);
    expect(expected.error).toBeUndefined();
    expect(expected.record.spikes['L']?.steps.length).toBeGreaterThan(3);
    // rdt * I overflowed in held lanes, but the state stayed finite: no checked re-run.
    const plan = compile(doc);
    const { runner, checkedCalls } = await countingRunner(plan);
    expectIdentical(await runner.run(plan.totalSteps), expected.record);
    expect(checkedCalls).toEqual([]);
  });
});

describe('wasm backend availability', () => {
  it('refuses with BackendUnavailableError where WebAssembly SIMD does not validate', async () => {
    const plan = compile(makeDocument({ populations: [lifPopulation('L', 1, tutorialLif())] }));
    const spy = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      await expect(createWasmBackend(plan)).rejects.toBeInstanceOf(BackendUnavailableError);
    } finally {
      spy.mockRestore();
    }
    await expect(createWasmBackend(plan)).resolves.toHaveProperty('name', 'wasm');
  });
});
