/**
 * The wasm backend against the reference: CONTEXT.md promises bit-identical spikes and state,
 * so every spike, every traced float (V and i_syn) and every rate count must be equal, and the
 * chunk size must not change anything.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type { NetworkDocument, Probe, Projection } from '../../../src/model/document.ts';
import { cubaDocument, lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

function tutorialDocument(): NetworkDocument {
  return makeDocument(
    {
      populations: [lifPopulation('n', 1, tutorialLif({ bias: 0.08 }))],
      probes: [
        { id: 'spk', kind: 'spikes', population: 'n' },
        { id: 'v', kind: 'state', population: 'n', variable: 'v', neurons: [0] },
      ],
    },
    { dt: 1, duration: 200 },
  );
}

function projection(
  id: string,
  source: string,
  target: string,
  rest: Partial<Projection>,
): Projection {
  return {
    id,
    source,
    target,
    connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: false },
    weight: { kind: 'constant', value: 1 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
    ...rest,
  };
}

/**
 * Noisy LIF populations (sizes not multiples of four) driven by Poisson sources and spike
 * generators through delta and exponential synapses with constant and per-synapse weights and
 * delays; B has three channels, overlapping current steps change the input mid-run.
 */
function mixedDocument(): NetworkDocument {
  const noisy = tutorialLif({
    v_rest: -65,
    v_reset: -70,
    v_threshold: -52,
    tau_mem: 12,
    resistance: 2,
    noise_std: 1.3,
    refractory_period: 2,
    bias: 0.4,
    v_init: { kind: 'uniform', low: -70, high: -55 },
  });
  const at = { x: 0, y: 0 };
  return makeDocument(
    {
      populations: [
        { id: 'P', size: 41, position: at, model: 'poisson', params: { rate: 90 } },
        {
          id: 'G',
          size: 7,
          position: at,
          model: 'spike_generator',
          params: { indices: [0, 3, 1, 6, 2, 0, 5], times: [1, 1, 4, 7.5, 12, 20, 20], period: 25 },
        },
        {
          id: 'G1',
          size: 3,
          position: at,
          model: 'spike_generator',
          params: { indices: [2, 0, 1, 2], times: [3, 30, 30.5, 90], period: 0 },
        },
        lifPopulation('A', 61, noisy),
        lifPopulation('B', 30, { ...noisy, noise_std: 0.4, refractory_period: 0, bias: 0.3 }),
        lifPopulation('C', 5, { ...noisy, noise_std: 0, refractory_period: 7, bias: 0.5 }),
      ],
      projections: [
        projection('PA', 'P', 'A', {
          synapse: { kind: 'exponential', tau: 5 },
          weight: { kind: 'normal', mean: 0.6, std: 0.5 },
          delay: { kind: 'uniform_int', low: 0, high: 4 },
        }),
        projection('PA2', 'P', 'A', {
          weight: { kind: 'uniform', low: 0.5, high: 1.5 },
          delay: { kind: 'constant', steps: 2 },
        }),
        projection('AA', 'A', 'A', {
          connectivity: { rule: 'fixed_fan_in', k: 5, allow_self: false },
          weight: { kind: 'constant', value: -1.5 },
        }),
        projection('AB', 'A', 'B', {
          connectivity: { rule: 'all_to_all', allow_self: true },
          synapse: { kind: 'exponential', tau: 2 },
          weight: { kind: 'normal', mean: 0, std: 0.3 },
          delay: { kind: 'uniform_int', low: 1, high: 3 },
        }),
        projection('GB', 'G', 'B', {
          synapse: { kind: 'exponential', tau: 10 },
          weight: { kind: 'constant', value: 4 },
          delay: { kind: 'constant', steps: 3 },
        }),
        projection('PB', 'P', 'B', {
          synapse: { kind: 'exponential', tau: 5 },
          weight: { kind: 'constant', value: 0.5 },
        }),
        projection('G1A', 'G1', 'A', {
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'constant', value: 9 },
          delay: { kind: 'uniform_int', low: 0, high: 6 },
        }),
        projection('BC', 'B', 'C', {
          connectivity: { rule: 'all_to_all', allow_self: true },
          synapse: { kind: 'exponential', tau: 3 },
          weight: { kind: 'normal', mean: 0.2, std: 0.1 },
        }),
      ],
      stimuli: [
        { id: 's1', kind: 'current_step', target: 'A', start: 20, stop: 60, amplitude: 0.3 },
        { id: 's2', kind: 'current_step', target: 'A', start: 40, stop: 80, amplitude: -0.7 },
        { id: 's3', kind: 'current_step', target: 'B', start: 10, stop: 30, amplitude: 1.25 },
      ],
      probes: [
        ...['P', 'G', 'G1', 'A', 'B', 'C'].map((population): Probe => ({
          id: `spk-${population}`,
          kind: 'spikes',
          population,
        })),
        { id: 'vA', kind: 'state', population: 'A', variable: 'v', neurons: [0, 7, 60, 3] },
        { id: 'iB', kind: 'state', population: 'B', variable: 'i_syn', neurons: [29, 0, 13] },
        { id: 'vC', kind: 'state', population: 'C', variable: 'v', neurons: [4] },
        { id: 'iA', kind: 'state', population: 'A', variable: 'i_syn', neurons: [1] },
        { id: 'rA', kind: 'rate', population: 'A', bin: 1 },
        { id: 'rP', kind: 'rate', population: 'P', bin: 2 },
      ],
    },
    { dt: 0.5, duration: 150, seed: 7 },
  );
}

/** CUBA with V, i_syn and rate probes beside the spike probes. */
function probedCuba(durationMs: number): NetworkDocument {
  const doc = cubaDocument(1, durationMs);
  doc.probes.push(
    { id: 'vE', kind: 'state', population: 'E', variable: 'v', neurons: [0, 1, 2, 3199, 1234] },
    { id: 'iI', kind: 'state', population: 'I', variable: 'i_syn', neurons: [0, 799, 400] },
    { id: 'rI', kind: 'rate', population: 'I', bin: 1 },
  );
  return doc;
}

const cases: [name: string, doc: () => NetworkDocument, chunks: number[]][] = [
  ['tutorial single neuron', tutorialDocument, [200, 1, 7, 64]],
  ['noisy LIF, Poisson, generators, delays', mixedDocument, [300, 1, 5, 37, 128]],
];

describe('wasm backend matches reference bit for bit', () => {
  for (const [name, doc, chunks] of cases) {
    it(name, async () => {
      const plan = compile(doc());
      const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
      // The network must do something for the comparison to mean anything.
      const spikes = Object.values(expected.spikes).reduce((s, b) => s + b.steps.length, 0);
      expect(spikes).toBeGreaterThan(5);
      for (const chunk of chunks) {
        expectIdentical(await runChunks(createWasmBackend, plan, chunk), expected);
      }
    });
  }

  it('CUBA, 1 s (10000 steps, 4000 neurons), over several chunk sizes', async () => {
    const plan = compile(probedCuba(1000));
    const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expect(expected.spikes['E']?.steps.length).toBeGreaterThan(10000);
    for (const chunk of [10000, 997, 4096]) {
      expectIdentical(await runChunks(createWasmBackend, plan, chunk), expected);
    }
    // One step per call over the first 60 ms: the snapshot and end-of-call paths every step.
    const head = await runChunks(createReferenceBackend, plan, 600, 600);
    expectIdentical(await runChunks(createWasmBackend, plan, 1, 600), head);
  });

  it('reset() restores the initial state: a second run repeats the first', async () => {
    const plan = compile(mixedDocument());
    const runner = await createWasmBackend(plan);
    const first = await runner.run(plan.totalSteps);
    await runner.reset();
    expect(runner.currentStep).toBe(0);
    const second = await runner.run(plan.totalSteps);
    expectIdentical(second, first);
    runner.dispose();
  });
});
