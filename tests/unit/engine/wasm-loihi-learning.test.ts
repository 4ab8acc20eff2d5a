/**
 * Loihi learning (CONTEXT.md step 5d) on the wasm kernel equals the reference bit for bit:
 * spikes, v, I and every synapse probe (w, w_act, each trace), in chunks of several sizes and
 * after a reset.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import { connectivityFootprint } from '../../../src/engine/backends/wasm/footprint.ts';
import { encodeRule, quietSteps } from '../../../src/engine/backends/wasm/learning-rule.ts';
import { compileRuleProgram } from '../../../src/engine/compile/loihi-learning-plan.ts';
import { parseLoihiRule } from '../../../src/model/loihi-rule.ts';
import {
  everythingNetwork,
  generator,
  learning,
  loihi,
  mixedSourcesNetwork,
  stdpNetwork,
  wideNetwork,
} from './wasm-loihi-learning-networks.ts';

function planOf(doc: NetworkDocument): Plan {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(`invalid test network: ${JSON.stringify(result.issues)}`);
  return compile(result.document);
}

/** Values of every sample of a trace block, for checks that something changed. */
function samples(chunk: Chunk, id: string): number[] {
  const block = chunk.traces[id];
  if (!block) throw new Error(`no probe '${id}'`);
  return Array.from(block.values);
}

/** Distinct values among a probe's samples. */
function distinct(chunk: Chunk, id: string): number {
  return new Set(samples(chunk, id)).size;
}

describe('wasm Loihi learning equals the reference bit for bit', () => {
  it.each([1, 2])('pair STDP, seed %i: whole run and chunks of 1, 7 and 64 steps', async (seed) => {
    const plan = planOf(stdpNetwork(seed));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    // The run means something: the neurons spike and the weights move.
    expect(reference.spikes.L?.steps.length ?? 0).toBeGreaterThan(30);
    expect(distinct(reference, 'stdp_w')).toBeGreaterThan(10);
    expect(distinct(reference, 'stdp_x1')).toBeGreaterThan(10);
    expect(distinct(reference, 'stdp_y1')).toBeGreaterThan(10);
    for (const chunk of [plan.totalSteps, 1, 7, 64]) {
      expectIdentical(await runChunks(createWasmBackend, plan, chunk), reference);
    }
  });

  it.each([3, 4])(
    'every trace, u_k, sign(), w, every sign mode, clipping, delays, recurrence, seed %i',
    async (seed) => {
      const plan = planOf(everythingNetwork(seed));
      const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
      for (const id of ['A_spikes', 'B_spikes']) {
        const block = reference.spikes[id.replace('_spikes', '')];
        expect(block?.steps.length ?? 0, id).toBeGreaterThan(20);
      }
      for (const trace of ['x1', 'x2', 'y1', 'y2', 'y3']) {
        expect(distinct(reference, `genA_${trace}`), trace).toBeGreaterThan(3);
      }
      expect(distinct(reference, 'genA_w')).toBeGreaterThan(3);
      expect(distinct(reference, 'AA_w')).toBeGreaterThan(3);
      // Clipping: AB reaches its sign mode's floor, genB its ceiling.
      expect(samples(reference, 'AB_w')).toContain(-256);
      expect(samples(reference, 'genB_w')).toContain(255);
      // BA has traces and no rule: its mantissas never move.
      expect(distinct(reference, 'BA_w')).toBe(1);
      expect(distinct(reference, 'BA_y3')).toBeGreaterThan(3);
      for (const chunk of [plan.totalSteps, 1, 13]) {
        expectIdentical(await runChunks(createWasmBackend, plan, chunk), reference);
      }
    },
  );

  it('Poisson and LIF sources, delay 0 and per-synapse delays, chunks of 1, 11 and 300', async () => {
    const plan = planOf(mixedSourcesNetwork(6));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expect(reference.spikes.M?.steps.length ?? 0).toBeGreaterThan(20);
    expect(distinct(reference, 'noiseM_w')).toBeGreaterThan(3);
    expect(distinct(reference, 'lifM_w')).toBeGreaterThan(3);
    for (const chunk of [1, 11, 300]) {
      expectIdentical(await runChunks(createWasmBackend, plan, chunk), reference);
    }
  });

  it.each([
    ['per-synapse delays packed into 32-bit targets', true],
    ['a constant delay, 32-bit targets', false],
  ])('70000 target neurons, %s', async (_, perSynapse) => {
    const plan = planOf(wideNetwork(70_000, perSynapse));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expect(reference.spikes.W?.steps.length ?? 0).toBeGreaterThan(100);
    expect(distinct(reference, 'wide_w')).toBeGreaterThan(2);
    expectIdentical(await runChunks(createWasmBackend, plan, 9), reference);
  });

  it('a reset runs the same again (weights, traces and post history back to step 0)', async () => {
    const plan = planOf(everythingNetwork(5, 150));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    const runner = await createWasmBackend(plan);
    try {
      const first = mergeChunks([await runner.run(90), await runner.run(60)]);
      expectIdentical(first, reference);
      await runner.reset();
      const again = mergeChunks([await runner.run(33), await runner.run(117)]);
      expectIdentical(again, reference);
    } finally {
      runner.dispose();
    }
  });
});

/** The NumericalError a run of `plan` on a backend throws (undefined if none). */
async function errorOf(
  factory: typeof createWasmBackend,
  plan: Plan,
  chunk: number,
): Promise<NumericalError | undefined> {
  const runner = await factory(plan);
  try {
    for (let done = 0; done < plan.totalSteps; done += chunk) await runner.run(chunk);
    return undefined;
  } catch (error) {
    if (error instanceof NumericalError) return error;
    throw error;
  } finally {
    runner.dispose();
  }
}

/** Generators onto Loihi neurons with one learning projection of rule `dw`. */
function oneRule(dw: string, mantissa: number, sources = 6, targets = 4): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'one rule',
    populations: [generator('gen', sources, 60, 5), loihi('L', targets)],
    projections: [
      learning(
        'p',
        'gen',
        'L',
        { rule: 'all_to_all', allow_self: true },
        mantissa,
        {
          kind: 'constant',
          steps: 3,
        },
        { dw, traces: { x1: { impulse: 10, tau: 4 } } },
      ),
    ],
    stimuli: [],
    probes: [{ id: 'w', kind: 'synapse', projection: 'p', variable: 'w', synapses: [0, 5] }],
    run: { dt: 1, duration: 60, seed: 9, backend: 'reference' },
  };
}

describe('wasm Loihi learning: errors, bounds and memory', () => {
  it('a non-finite dw stops the run where the reference stops, with the same error', async () => {
    // x0 * w^151 with w = 200 overflows to Infinity on the first pre event (step 3).
    const plan = planOf(oneRule(`x0*${'w*'.repeat(150)}w`, 200));
    const expected = await errorOf(createReferenceBackend, plan, plan.totalSteps);
    expect(expected?.variable).toBe("dw (projection 'p', synapse 0)");
    expect(expected?.step).toBe(3);
    for (const chunk of [plan.totalSteps, 2]) {
      const actual = await errorOf(createWasmBackend, plan, chunk);
      expect(actual).toBeInstanceOf(NumericalError);
      expect({ ...actual, message: actual?.message }).toEqual({
        ...expected,
        message: expected?.message,
      });
    }
  });

  it('refuses a target whose learned weights could pass the exact f32 input sums', async () => {
    // 2^-1 * 255 * 2^(6+7) per synapse: 2^21 - 2^6 at most; 600 of them pass 2^30.
    const doc = oneRule('x0', 1, 600, 1);
    const synapse = doc.projections[0]?.synapse;
    if (synapse?.kind === 'loihi') {
      synapse.w_exp = 7;
      synapse.sign_mode = 'excitatory';
    }
    const plan = planOf(doc);
    await expect(createWasmBackend(plan)).rejects.toThrow(/past the 2\^30/);
    // The same network without a rule keeps its small weights and runs.
    const still = planOf({
      ...doc,
      projections: doc.projections.map((p) =>
        p.synapse.kind === 'loihi' ? { ...p, synapse: { ...p.synapse, dw: '' } } : p,
      ),
    });
    (await createWasmBackend(still)).dispose();
  });

  it('the footprint counts w (8 bytes), wAct (4) and one byte per trace that is on', () => {
    const plan = planOf(stdpNetwork(1, 10));
    const f = connectivityFootprint(plan);
    // 300 synapses, u16 targets, 21 row pointers; w, wAct and the traces x1, y1.
    expect(f.synapses).toBe(300);
    expect(f.bytes).toBe(4 * 21 + 300 * (2 + 8 + 4 + 2));
  });
});

describe('wasm Loihi learning: the rule as the kernel runs it', () => {
  const program = (dw: string): ReturnType<typeof compileRuleProgram> => {
    const parsed = parseLoihiRule(dw);
    if (!parsed.ok) throw new Error(parsed.message);
    return compileRuleProgram(parsed.expr);
  };
  const quiet = (dw: string): number => quietSteps(program(dw), 256);

  it('fuses a leaf with the operation that consumes it: pair STDP is 7 instructions', () => {
    const encoded = encodeRule(program('2^-2*x1*y0 - 2^-2*y1*x0'));
    // PUSH 0.25, MUL x1, MUL y0, PUSH 0.25, MUL y1, MUL x0, SUB (postfix had 11).
    expect(Array.from(encoded.code, (w) => w & 15)).toEqual([0, 8, 8, 0, 8, 8, 2]);
    expect(Array.from(encoded.constants)).toEqual([0.25, 0.25]);
    // Operands are byte offsets above the variables: x1 is variable 1, the first constant 18.
    expect(Array.from(encoded.code, (w) => w >>> 4)).toEqual([144, 8, 24, 152, 32, 0, 0]);
  });

  it('a rule whose every term has x0 or y0 is zero at every step without events', () => {
    expect(quiet('2^-2*x1*y0 - 2^-2*y1*x0')).toBe(0x3ff);
    expect(quiet('sign(x1-y2)*y0 + 2^-7*w*x0*(x2+y3)')).toBe(0x3ff);
  });

  it('a term with u_k but no event counts at the steps where u_k is 1', () => {
    // u3 is 1 when t mod 8 == 0, i.e. min(ctz(t), 9) >= 3.
    expect(quiet('x1*y0 - y3*u3*2^-7')).toBe(0b111);
    expect(quiet('u0*x1')).toBe(0);
    expect(quiet('u9*w + x0')).toBe(0x1ff);
  });

  it('a product that could overflow is never skipped (0 * Infinity is NaN)', () => {
    expect(quiet(`x0*${'w*'.repeat(150)}w`)).toBe(0);
    expect(quiet(`${'w*'.repeat(150)}w*x0`)).toBe(0);
  });
});
