/**
 * The `fixed_point_lif` model on wasm against the reference, bit for bit (CONTEXT.md step 2f):
 * saturation at both bounds of narrow registers, refractory holds, delta and exponential
 * channels, per-synapse and constant delays, stimuli switching on and off, wide 24-bit
 * registers, recurrent fixed-point projections beside float LIF and Poisson populations; in one
 * chunk, in uneven chunks and after a reset.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type {
  FixedPointLifParams,
  NetworkDocument,
  Population,
  Probe,
  Projection,
} from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

function fixed(id: string, size: number, p: Partial<FixedPointLifParams>): Population {
  const params: FixedPointLifParams = {
    total_bits: 16,
    fraction_bits: 8,
    scale_bits: 12,
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    refractory_period: 0,
    bias: 0,
    v_init: { kind: 'uniform', low: -0.5, high: 0.9 },
    ...p,
  };
  return { id, size, position: { x: 0, y: 0 }, model: 'fixed_point_lif', params };
}

function poisson(id: string, size: number, rate: number): Population {
  return { id, size, position: { x: 0, y: 0 }, model: 'poisson', params: { rate } };
}

function link(source: string, target: string, p: Partial<Projection>): Projection {
  return {
    id: `${source}_${target}`,
    source,
    target,
    connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: false },
    weight: { kind: 'uniform', low: -0.2, high: 0.8 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'exponential', tau: 5 },
    ...p,
  };
}

function recordAll(population: string, neurons: number[]): Probe[] {
  return [
    { id: `${population}_spikes`, kind: 'spikes', population },
    { id: `${population}_v`, kind: 'state', population, variable: 'v', neurons },
    { id: `${population}_i`, kind: 'state', population, variable: 'i_syn', neurons },
  ];
}

async function expectSame(doc: NetworkDocument, population: string): Promise<void> {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const plan = compile(valid.document);
  const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
  expect(expected.spikes[population]?.steps.length ?? 0).toBeGreaterThan(20);
  expectIdentical(await runChunks(createWasmBackend, plan, plan.totalSteps), expected);
  expectIdentical(await runChunks(createWasmBackend, plan, 77), expected);
  expectIdentical(await runChunks(createWasmBackend, plan, 1, 120), {
    ...(await runChunks(createReferenceBackend, plan, 120, 120)),
  });
  const runner = await createWasmBackend(plan);
  try {
    await runner.run(150);
    await runner.reset();
    expectIdentical(await runner.run(plan.totalSteps), expected);
  } finally {
    runner.dispose();
  }
}

describe('fixed_point_lif on wasm equals the reference', () => {
  it('recurrent, mixed with float LIF and Poisson, per-synapse delays, stimuli (16/8/12)', async () => {
    const doc = makeDocument(
      {
        populations: [
          poisson('in', 40, 80),
          fixed('fx', 60, { refractory_period: 2, resistance: 0.7 }),
          lifPopulation('lif', 20, tutorialLif()),
        ],
        projections: [
          link('in', 'fx', {}),
          link('fx', 'fx', {
            synapse: { kind: 'delta' },
            weight: { kind: 'normal', mean: -0.1, std: 0.3 },
            delay: { kind: 'uniform_int', low: 0, high: 5 },
          }),
          link('fx', 'lif', { delay: { kind: 'constant', steps: 2 } }),
          link('lif', 'fx', {
            synapse: { kind: 'exponential', tau: 10 },
            weight: { kind: 'constant', value: 0.4 },
          }),
        ],
        stimuli: [
          { id: 'on', kind: 'current_step', target: 'fx', start: 50, stop: 120, amplitude: 0.3 },
          { id: 'off', kind: 'current_step', target: 'fx', start: 100, stop: 160, amplitude: -0.2 },
        ],
        probes: [
          ...recordAll('fx', [0, 3, 59]),
          { id: 'lif_spikes', kind: 'spikes', population: 'lif' },
        ],
      },
      { dt: 1, duration: 300, seed: 5 },
    );
    await expectSame(doc, 'fx');
  });

  it('narrow registers saturating at both bounds (8 bits, 4 fraction, 3 scale)', async () => {
    const doc = makeDocument(
      {
        populations: [
          poisson('in', 30, 300),
          fixed('fx', 25, {
            total_bits: 8,
            fraction_bits: 4,
            scale_bits: 3,
            tau_mem: 4,
            // gain round(0.35 * 8) = 3: not a multiple of 2^S, so the floor of I * gain shows,
            // and two saturated channels (up to -128 - 128) are clamped as one input first.
            resistance: 0.35,
            v_threshold: 7,
            v_reset: -7,
            refractory_period: 1,
            v_init: { kind: 'uniform', low: -8, high: 7.9 },
          }),
        ],
        projections: [
          link('in', 'fx', {
            weight: { kind: 'uniform', low: -7.9, high: 7.9 },
            connectivity: { rule: 'all_to_all', allow_self: true },
          }),
          link('fx', 'fx', {
            synapse: { kind: 'delta' },
            weight: { kind: 'constant', value: -6 },
            delay: { kind: 'constant', steps: 1 },
          }),
        ],
        probes: recordAll('fx', [0, 1, 2, 24]),
      },
      { dt: 1, duration: 300, seed: 9 },
    );
    await expectSame(doc, 'fx');
  });

  it('wide registers (24 bits, 16 fraction, 16 scale) at dt 0.1 with a long refractory period', async () => {
    const doc = makeDocument(
      {
        populations: [
          poisson('in', 50, 50),
          fixed('fx', 70, {
            total_bits: 24,
            fraction_bits: 16,
            scale_bits: 16,
            refractory_period: 3.3,
            bias: 0.02,
          }),
        ],
        projections: [
          link('in', 'fx', { weight: { kind: 'uniform', low: 0, high: 1.5 } }),
          link('fx', 'fx', {
            synapse: { kind: 'exponential', tau: 2 },
            weight: { kind: 'constant', value: -0.5 },
            delay: { kind: 'uniform_int', low: 1, high: 30 },
          }),
        ],
        probes: recordAll('fx', [0, 69]),
      },
      { dt: 0.1, duration: 300, seed: 3 },
    );
    await expectSame(doc, 'fx');
  });
});
