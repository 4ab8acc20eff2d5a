/**
 * nir_neuron on wasm against the reference, bit for bit (CONTEXT.md step 2g): every type in both
 * discretisations, per-neuron arrays, delta projections from Poisson sources and between NIR
 * populations (the input channel), stimuli, in one chunk, in uneven chunks and after a reset;
 * the same NumericalError when V overflows; the gpu backend refuses the model.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { createGpuBackend } from '../../../src/engine/backends/gpu/index.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import type {
  NirNeuronParams,
  NirNeuronType,
  Population,
  Probe,
  Projection,
} from '../../../src/model/document.ts';
import { makeDocument } from './fixtures/documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { nirPopulation, planOf, recordAll } from './nir-neuron-docs.ts';

const SIZE = 6;
const ramp = (a: number, b: number) => [...Array(SIZE).keys()].map((j) => a + ((b - a) * j) / 5);

function params(type: NirNeuronType, discretisation: 'exact' | 'euler'): NirNeuronParams {
  const base = { discretisation, bias: ramp(0.1, 0.3), v_init: ramp(-0.2, 0.3) };
  const mem = { tau_mem: ramp(5, 30), r: 1.3, v_leak: -0.05 };
  const spike = { v_threshold: ramp(0.4, 0.9), v_reset: -0.1 };
  const syn = { tau_syn: ramp(2, 8), w_in: 1.1 };
  switch (type) {
    case 'LIF':
      return { type, ...base, ...mem, ...spike };
    case 'IF':
      return { type, ...base, r: 0.4, ...spike };
    case 'LI':
      return { type, ...base, ...mem };
    case 'I':
      return { type, ...base, r: 0.2 };
    case 'CubaLIF':
      return { type, ...base, ...mem, ...spike, ...syn };
    case 'CubaLI':
      return { type, ...base, ...mem, ...syn };
    case 'Threshold':
      return { type, ...base, v_threshold: 0.3 };
  }
}

function link(source: string, target: string, weight: number): Projection {
  return {
    id: `${source}_${target}`,
    source,
    target,
    connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false },
    weight: { kind: 'uniform', low: -weight / 2, high: weight },
    delay: { kind: 'uniform_int', low: 0, high: 2 },
    synapse: { kind: 'delta' },
  };
}

const TYPES: NirNeuronType[] = ['LIF', 'IF', 'LI', 'I', 'CubaLIF', 'CubaLI', 'Threshold'];

describe('nir_neuron on wasm', () => {
  it.each(['exact', 'euler'] as const)('every type (%s) is bit-identical', async (disc) => {
    const populations: Population[] = [
      { id: 'in', size: 20, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 150 } },
      ...TYPES.map((t) => nirPopulation(t, SIZE, params(t, disc))),
    ];
    const projections = [
      ...TYPES.map((t) => link('in', t, 1)),
      link('LIF', 'CubaLI', 0.5),
      link('CubaLIF', 'Threshold', 0.4),
    ];
    const probes: Probe[] = TYPES.flatMap((t) => recordAll(t, [0, 3, 5]));
    const stimuli = [
      { id: 's1', kind: 'current_step', target: 'IF', start: 20, stop: 60, amplitude: 0.05 },
      { id: 's2', kind: 'current_step', target: 'CubaLIF', start: 10, stop: 90, amplitude: 0.1 },
    ] as const;
    const doc = makeDocument(
      { populations, projections, probes, stimuli: [...stimuli] },
      { dt: 1, duration: 300, seed: 7 },
    );
    const plan = planOf(doc);
    const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    for (const t of ['LIF', 'IF', 'CubaLIF', 'Threshold'])
      expect(expected.spikes[t]?.steps.length ?? 0, `${t} spikes`).toBeGreaterThan(10);
    expectIdentical(await runChunks(createWasmBackend, plan, plan.totalSteps), expected);
    expectIdentical(await runChunks(createWasmBackend, plan, 37), expected);
    const runner = await createWasmBackend(plan);
    try {
      await runner.run(120);
      await runner.reset();
      expectIdentical(await runner.run(plan.totalSteps), expected);
    } finally {
      runner.dispose();
    }
  });

  it('stops with the same NumericalError when V overflows', async () => {
    const doc = makeDocument(
      {
        populations: [
          nirPopulation('n', 3, {
            type: 'LI',
            discretisation: 'euler',
            tau_mem: 1e6,
            r: 1e36,
            v_leak: 0,
            bias: [1, 1e8, 1],
            v_init: 0,
          }),
        ],
        probes: recordAll('n', [0]),
      },
      { dt: 1, duration: 50 },
    );
    const plan = planOf(doc);
    const fail = async (factory: typeof createReferenceBackend) => {
      const runner = await factory(plan);
      return runner.run(50).then(
        () => 'no error',
        (e: unknown) => String(e),
      );
    };
    const reference = await fail(createReferenceBackend);
    expect(reference).toMatch(/NumericalError|not finite|non-finite/i);
    expect(await fail(createWasmBackend)).toBe(reference);
  });

  it('is refused by the gpu backend, so auto falls back', async () => {
    const doc = makeDocument({ populations: [nirPopulation('n', SIZE, params('LIF', 'exact'))] });
    await expect(createGpuBackend(planOf(doc), 'cpu')).rejects.toBeInstanceOf(
      BackendUnavailableError,
    );
  });
});
