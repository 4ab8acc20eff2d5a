/**
 * Classic plasticity (CONTEXT.md steps 3b, 5e, 5f) on the wasm kernel equals the reference bit
 * for bit: spikes, state probes, every synapse probe and the learned weights, whole runs and
 * chunks of several sizes (a call also ends at each interval step), after a reset, with 32-bit
 * targets, and through `createSimulation`.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendFactory } from '../../../src/engine/backends/backend.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { connectivityFootprint } from '../../../src/engine/backends/wasm/footprint.ts';
import {
  everyRuleNetwork,
  ruleFreeNetwork,
  stdpBenchNetwork,
  wideNetwork,
} from './wasm-plasticity-networks.ts';

function planOf(doc: NetworkDocument): Plan {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(`invalid test network: ${JSON.stringify(result.issues)}`);
  return compile(result.document);
}

/** Distinct values among a probe's samples (does the variable move at all?). */
function distinct(chunk: Chunk, id: string): number {
  const block = chunk.traces[id];
  if (!block) throw new Error(`no probe '${id}'`);
  return new Set(block.values).size;
}

/** The learned weights of every projection whose weights change, after `steps` steps. */
async function weightsAfter(factory: BackendFactory, plan: Plan, chunk: number) {
  const runner = await factory(plan);
  try {
    for (let done = 0; done < plan.totalSteps; done += chunk) {
      await runner.run(Math.min(chunk, plan.totalSteps - done));
    }
    const out: Record<string, Float32Array> = {};
    for (const [k, pr] of plan.projections.entries()) {
      if (pr.plasticity?.rule || pr.plasticity?.structural) {
        out[pr.id] = await runner.learnedWeights(k);
      }
    }
    return out;
  } finally {
    runner.dispose();
  }
}

describe('wasm classic plasticity equals the reference bit for bit', () => {
  it.each([1, 2])(
    'every rule, STP and structural, seed %i: chunks of all, 1, 7, 64',
    async (seed) => {
      const plan = planOf(everyRuleNetwork(seed));
      const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
      // The run means something: neurons fire and every probed variable moves.
      expect(reference.spikes.out?.steps.length ?? 0).toBeGreaterThan(200);
      expect(reference.spikes.izh?.steps.length ?? 0).toBeGreaterThan(5);
      for (const id of Object.keys(reference.traces)) {
        expect(distinct(reference, id), id).toBeGreaterThan(3);
      }
      for (const chunk of [plan.totalSteps, 1, 7, 64]) {
        expectIdentical(await runChunks(createWasmBackend, plan, chunk), reference);
      }
    },
  );

  it('learned weights after the run equal the reference and differ from the plan', async () => {
    const plan = planOf(everyRuleNetwork(3));
    const reference = await weightsAfter(createReferenceBackend, plan, plan.totalSteps);
    const wasm = await weightsAfter(createWasmBackend, plan, 13);
    expect(Object.keys(wasm).sort()).toEqual([
      'clipped',
      'homeo',
      'o1',
      'o1d',
      'rec',
      'ringed',
      'rstdp',
      'rstdpd',
      'stdp',
    ]);
    for (const [id, w] of Object.entries(reference)) {
      expect(Array.from(wasm[id] ?? []), id).toEqual(Array.from(w));
      const initial = plan.projections.find((p) => p.id === id)?.csr.weights;
      expect(initial instanceof Float32Array && Array.from(initial), id).not.toEqual(Array.from(w));
    }
  });

  it('no rule: structural alone, STP alone, STP with structural; chunks of 1, 5, 150', async () => {
    const plan = planOf(ruleFreeNetwork(4));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expect(reference.spikes.out?.steps.length ?? 0).toBeGreaterThan(100);
    expect(distinct(reference, 'structural_w')).toBeGreaterThan(3);
    expect(distinct(reference, 'both_w')).toBeGreaterThan(1);
    for (const chunk of [1, 5, 150]) {
      expectIdentical(await runChunks(createWasmBackend, plan, chunk), reference);
    }
    const w = await weightsAfter(createWasmBackend, plan, 17);
    expect(Object.keys(w).sort()).toEqual(['both', 'structural']);
    const r = await weightsAfter(createReferenceBackend, plan, plan.totalSteps);
    expect(Array.from(w.structural ?? [])).toEqual(Array.from(r.structural ?? []));
    expect(Array.from(w.both ?? [])).toEqual(Array.from(r.both ?? []));
  });

  it('70000 targets: 32-bit targets with packed and constant delays', async () => {
    const plan = planOf(wideNetwork(70_000));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expect(reference.spikes.out?.steps.length ?? 0).toBeGreaterThan(100);
    expect(distinct(reference, 'stdp_w')).toBeGreaterThan(2);
    expect(distinct(reference, 'rstdp_w')).toBeGreaterThan(2);
    expect(distinct(reference, 'events_w')).toBeGreaterThan(2);
    expect(distinct(reference, 'ringed_w')).toBeGreaterThan(2);
    expectIdentical(await runChunks(createWasmBackend, plan, 9), reference);
  });

  it('a reset runs the same again (weights, traces, STP and counts back to step 0)', async () => {
    const plan = planOf(everyRuleNetwork(5));
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    const runner = await createWasmBackend(plan);
    try {
      const first = mergeChunks([await runner.run(90), await runner.run(150)]);
      expectIdentical(first, reference);
      await runner.reset();
      const initial = plan.projections[0]?.csr.weights;
      expect(initial instanceof Float32Array && Array.from(initial)).toEqual(
        Array.from(await runner.learnedWeights(0)),
      );
      const again = mergeChunks([await runner.run(33), await runner.run(207)]);
      expectIdentical(again, reference);
    } finally {
      runner.dispose();
    }
  });

  it('createSimulation on wasm: no refusal, learnedWeights by projection id', async () => {
    const doc = everyRuleNetwork(6, 40);
    const onWasm = await createSimulation({ ...doc, run: { ...doc.run, backend: 'wasm' } });
    const onReference = await createSimulation(doc);
    try {
      expect(onWasm.backend).toBe('wasm');
      await onWasm.step(80);
      await onReference.step(80);
      const a = await onWasm.learnedWeights();
      const b = await onReference.learnedWeights();
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
      for (const [id, w] of Object.entries(b))
        expect(Array.from(a[id] ?? []), id).toEqual(Array.from(w));
    } finally {
      onWasm.dispose();
      onReference.dispose();
    }
  });

  it('a projection without changing weights has none to give', async () => {
    const plan = planOf(ruleFreeNetwork(1, 10));
    const runner = await createWasmBackend(plan);
    try {
      await expect(runner.learnedWeights(1)).rejects.toThrow(/'stp' has no weight rule/);
    } finally {
      runner.dispose();
    }
  });

  it('footprint: 2-byte targets + weights + 8 bytes by target (stdp; rstdp + 4 for c)', () => {
    const doc = stdpBenchNetwork(100, 50, 1);
    const stdp = connectivityFootprint(planOf(doc));
    expect(stdp.synapses).toBe(5000);
    expect(stdp.bytes).toBe(4 * 101 + (2 + 4 + 8) * 5000);
    const rule = doc.projections[0]?.plasticity;
    if (rule?.rule !== 'stdp') throw new Error('the bench network has an stdp rule');
    doc.populations.push({
      id: 'reward',
      size: 1,
      position: { x: 0, y: 0 },
      model: 'poisson',
      params: { rate: 5 },
    });
    const projection = doc.projections[0];
    if (projection) {
      projection.plasticity = {
        ...rule,
        rule: 'rstdp',
        tau_eligibility: 20,
        tau_reward: 20,
        reward: { population: 'reward', amount: 1 },
      };
    }
    expect(connectivityFootprint(planOf(doc)).bytes).toBe(4 * 101 + (2 + 4 + 4 + 8) * 5000);
  });

  it('a plastic weight that overflows V stops both backends at the same step and neuron', async () => {
    const doc = everyRuleNetwork(7, 60);
    const stdp = doc.projections.find((p) => p.id === 'clipped');
    if (stdp?.plasticity?.rule !== 'stdp') throw new Error('everyRuleNetwork has no clipped stdp');
    // Potentiation toward 3e38 lets two events in one step sum past the float32 range.
    stdp.plasticity = { ...stdp.plasticity, a_plus: 1e38, w_max: 3e38 };
    const plan = planOf(doc);
    const errors: string[] = [];
    for (const [factory, chunk] of [
      [createReferenceBackend, plan.totalSteps],
      [createWasmBackend, plan.totalSteps],
      [createWasmBackend, 7],
    ] as const) {
      const runner = await factory(plan);
      try {
        for (let done = 0; done < plan.totalSteps; done += chunk) await runner.run(chunk);
        errors.push('no error');
      } catch (error) {
        errors.push(`${String(error)} at step ${runner.currentStep}`);
      } finally {
        runner.dispose();
      }
    }
    expect(errors[0]).toMatch(/NumericalError.*'out'/);
    expect(errors[1]).toBe(errors[0]);
    expect(errors[2]).toBe(errors[0]);
  });
});
