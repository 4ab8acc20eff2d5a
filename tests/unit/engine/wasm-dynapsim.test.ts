/**
 * DynapSim on wasm against the reference, bit for bit: the gallery example, a from-spec network
 * (two clusters of odd sizes, Poisson input, recurrence, 20 % mismatch), a 203-neuron
 * population with strong mismatch, spikes, Imem (`v`) and
 * Isyn (`i_syn`) of every neuron at every step, in one chunk and in uneven chunks; a run that
 * blows up stops both backends at the same step, neuron, variable and value; and the kernel's
 * log32 (scalar and f32x4) is the reference's, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { KERNEL_BASE64 } from '../../../src/engine/backends/wasm/kernel.generated.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import { log32 } from '../../../src/engine/log32.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { dynapsimDocument } from './fixtures/dynapsim-documents.ts';
import {
  dynapsimExample,
  dynapsimFromSpec,
  dynapsimPlanOf,
  probeDynapsim,
} from './fixtures/dynapsim-networks.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

async function expectSameRuns(plan: Plan): Promise<void> {
  const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
  const spikes = Object.values(reference.spikes).reduce((s, b) => s + b.indices.length, 0);
  // A silent run would compare little: both models must fire.
  expect(spikes).toBeGreaterThan(20);
  expectIdentical(await runChunks(createWasmBackend, plan, plan.totalSteps), reference);
  expectIdentical(await runChunks(createWasmBackend, plan, 37), reference);
}

describe('DynapSim on wasm', () => {
  it('runs the gallery example bit-identically with the reference', async () => {
    const doc = dynapsimExample();
    probeDynapsim(doc);
    await expectSameRuns(dynapsimPlanOf(doc));
  });

  it('runs a from-spec network with recurrence, mismatch and odd sizes bit-identically', async () => {
    const plan = dynapsimPlanOf(dynapsimFromSpec());
    expect(plan.populations.map((p) => p.size)).toEqual([5, 7, 6]);
    await expectSameRuns(plan);
  });

  it('runs 203 neurons with 30 % mismatch (50 blocks of four and a tail) bit-identically', async () => {
    const doc = dynapsimDocument(
      { Idc: 4e-10, Iw_ahp: 1e-9, percent_mismatch: 0.3, mismatch_seed: 9 },
      { size: 203, duration: 400 },
    );
    probeDynapsim(doc);
    await expectSameRuns(dynapsimPlanOf(doc));
  });

  it('starts over after reset: Imem, Isyn and Iahp back at Io, Vmem, timers and input 0', async () => {
    const plan = dynapsimPlanOf(dynapsimFromSpec());
    const runner = await createWasmBackend(plan);
    try {
      const first = await runner.run(150);
      await runner.reset();
      expect(runner.currentStep).toBe(0);
      expectIdentical(await runner.run(150), first);
    } finally {
      runner.dispose();
    }
  });

  it('stops both backends with the same NumericalError on Imem', async () => {
    const plan = dynapsimPlanOf(dynapsimFromSpec(1e38));
    const errors: unknown[] = [];
    for (const factory of [createReferenceBackend, createWasmBackend]) {
      const runner = await factory(plan);
      try {
        await runner.run(plan.totalSteps);
        errors.push(undefined);
      } catch (error) {
        errors.push(error);
      } finally {
        runner.dispose();
      }
    }
    const [a, b] = errors;
    expect(a).toBeInstanceOf(NumericalError);
    expect(b).toBeInstanceOf(NumericalError);
    const fields = (e: unknown) => {
      const n = e as NumericalError;
      return [n.population, n.step, n.neuron, n.variable, n.value];
    };
    expect(fields(b)).toEqual(fields(a));
    expect((a as NumericalError).variable).toBe('Imem');
    // Not at the first step: the blow-up follows a spike of neuron 3, so the fast call's
    // re-run has to find the right step; and inside the kernel's first block of four neurons,
    // which it then redoes one neuron at a time.
    expect((a as NumericalError).step).toBeGreaterThan(0);
    expect((a as NumericalError).population).toBe('dynapsim_cluster1');
    expect((a as NumericalError).neuron).toBeLessThan(4);
  });

  it('has the reference log32 in the kernel, scalar and f32x4, bit for bit', async () => {
    const bytes = Uint8Array.from(atob(KERNEL_BASE64), (c) => c.charCodeAt(0));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    const scalar = instance.exports.log32 as (x: number) => number;
    const vector = instance.exports.log32Vector as (x: number) => number;
    const word = new Float32Array(1);
    const bits = new Uint32Array(word.buffer);
    let mismatches = 0;
    let first = '';
    const check = (x: number): void => {
      for (const [name, wasmLog] of [
        ['scalar', scalar],
        ['f32x4', vector],
      ] as const) {
        if (!Object.is(wasmLog(x), log32(x))) {
          mismatches++;
          if (!first) first = `${name}, x = ${x}: wasm ${wasmLog(x)}, reference ${log32(x)}`;
        }
      }
    };
    for (let b = 1; b < 0x7f800000; b += 1009) {
      bits[0] = b;
      check(word[0] ?? NaN);
    }
    for (const x of [0, -0, -1, NaN, Infinity, -Infinity, 1, Math.SQRT2, 2 ** -149]) check(x);
    expect(mismatches, first).toBe(0);
  });
});
