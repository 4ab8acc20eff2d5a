/**
 * Izhikevich and AdEx on wasm against the reference, bit for bit: every preset in a small
 * network with membrane noise, Poisson input through an exponential current and a delta
 * projection, recurrent synapses and uniform initial v; spikes, v and i_syn of every step must
 * be identical, in one chunk and in uneven chunks (which cross the kernel's call boundaries).
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { ADEX_PRESETS, IZHIKEVICH_PRESETS } from '../../../src/model/presets.ts';
import { classicNetwork, type Classic } from './fixtures/classic-network.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

/** The shared classic network (fixtures/classic-network.ts), 300 ms. */
function network(
  model: Classic['model'],
  params: Classic['params'],
  current: number,
): NetworkDocument {
  return classicNetwork(model, params, current, {
    name: 'classic wasm',
    run: { dt: 0.1, duration: 300, seed: 11, backend: 'auto' },
    inputSize: 20,
    stimulus: [20, 250],
  });
}

async function expectSame(doc: NetworkDocument): Promise<void> {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const plan = compile(valid.document);
  const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
  expect(expected.spikes.P?.steps.length ?? 0).toBeGreaterThan(10);
  expectIdentical(await runChunks(createWasmBackend, plan, plan.totalSteps), expected);
  expectIdentical(await runChunks(createWasmBackend, plan, 777), expected);
}

describe('wasm steps the classroom models bit for bit like the reference', () => {
  it.each(IZHIKEVICH_PRESETS.map((p) => [p.id, p] as const))('Izhikevich %s', async (_, p) => {
    await expectSame(network('izhikevich', p.params, p.current));
  });

  it.each(ADEX_PRESETS.map((p) => [p.id, p] as const))('AdEx %s', async (_, p) => {
    await expectSame(network('adex', p.params, p.current));
  });

  it('AdEx with a refractory period', async () => {
    const p = ADEX_PRESETS[1];
    if (!p) throw new Error('no preset');
    await expectSame(network('adex', { ...p.params, refractory_period: 2 }, p.current));
  });
});

describe('a non-finite adaptation variable', () => {
  it('stops both backends with the same NumericalError naming u', async () => {
    const p = IZHIKEVICH_PRESETS[0];
    if (!p) throw new Error('no preset');
    // a * dt of 1e36 makes u overflow to infinity within a few steps, then Inf - Inf is NaN.
    const doc = network('izhikevich', { ...p.params, a: 1e37 }, p.current);
    const valid = validateDocument(doc);
    if (!valid.ok) throw new Error('invalid');
    const plan = compile(valid.document);
    const errors: unknown[] = [];
    for (const factory of [createReferenceBackend, createWasmBackend]) {
      const runner = await factory(plan);
      try {
        await runner.run(plan.totalSteps);
      } catch (e) {
        errors.push(e);
      } finally {
        runner.dispose();
      }
    }
    const [a, b] = errors;
    expect(a).toBeInstanceOf(NumericalError);
    expect(b).toBeInstanceOf(NumericalError);
    const fields = (e: unknown) => {
      const n = e as NumericalError;
      return [n.population, n.step, n.neuron, n.variable];
    };
    expect(fields(b)).toEqual(fields(a));
    expect((a as NumericalError).variable).toBe('u');
  });
});
