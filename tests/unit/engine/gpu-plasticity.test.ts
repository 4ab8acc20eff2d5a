/**
 * Weight rules (CONTEXT.md step 5e: STDP, R-STDP, OnlineO1) on the gpu backend's Node modes
 * (gpu.js cpu and webasm) against the reference, bit for bit: spikes, state probes, every
 * synapse probe and the learned weights, with 2D and flat kernel arrays, several device call
 * lengths, chunks that are not multiples of them, and a reset. The features it does not step
 * (STP, homeostatic scaling, structural plasticity, too wide OnlineO1 integers) are refused by
 * name, so `auto` moves on.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendRunner } from '../../../src/engine/backends/backend.ts';
import { createOnMode, type GpuRunnerOptions } from '../../../src/engine/backends/gpu/index.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument, Projection } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { mixedLoihiNetwork } from './fixtures/loihi-gpu-networks.ts';
import {
  ONLINE_O1,
  PER_SYNAPSE_DELAYS,
  STDP,
  plasticNetwork,
  type RuleSet,
} from './gpu-plasticity-networks.ts';
import { expectIdentical } from './wasm-compare.ts';

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

/** Runs `chunks` (step counts) on a runner; the merged record and the learned weights. */
async function runOn(runner: BackendRunner, plan: Plan, chunks: readonly number[]) {
  const parts: Chunk[] = [];
  for (const n of chunks) parts.push(await runner.run(n));
  const weights: Record<string, Float32Array> = {};
  for (const [k, pr] of plan.projections.entries()) {
    if (pr.plasticity?.rule) weights[pr.id] = await runner.learnedWeights(k);
  }
  return { chunk: mergeChunks(parts), weights };
}

/** `total` steps cut into chunks of `size` (the last one shorter). */
function cut(total: number, size: number): number[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, i) =>
    Math.min(size, total - i * size),
  );
}

async function reference(plan: Plan) {
  const runner = await createReferenceBackend(plan);
  try {
    return await runOn(runner, plan, [plan.totalSteps]);
  } finally {
    runner.dispose();
  }
}

function expectSameWeights(actual: Record<string, Float32Array>, expected: typeof actual): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, w] of Object.entries(expected)) {
    const a = actual[id] ?? new Float32Array();
    const i = w.findIndex((x, e) => !Object.is(x, a[e]));
    expect(i, `first differing weight of ${id}: ${a[i]} vs ${w[i]}`).toBe(-1);
    expect(a.length, id).toBe(w.length);
  }
}

interface Case {
  mode: 'cpu' | 'webasm';
  options: GpuRunnerOptions;
  chunk: number;
  label: string;
}

const CASES: Case[] = [
  { mode: 'cpu', options: {}, chunk: 0, label: 'cpu, 2D, whole run' },
  { mode: 'webasm', options: {}, chunk: 0, label: 'webasm, 2D, whole run' },
  {
    mode: 'webasm',
    options: { flatArrays: true, callLengths: [16, 4] },
    chunk: 7,
    label: 'webasm, flat, calls of 16/4, chunks of 7',
  },
  {
    mode: 'cpu',
    options: { flatArrays: true, callLengths: [5] },
    chunk: 7,
    label: 'cpu, flat, calls of 5, chunks of 7',
  },
];

describe('gpu weight rules equal the reference bit for bit', () => {
  it('the network is not trivial: targets fire and every probed variable moves', async () => {
    const plan = planOf(plasticNetwork(1));
    const { chunk, weights } = await reference(plan);
    expect(chunk.spikes.out?.steps.length ?? 0).toBeGreaterThan(150);
    expect(chunk.spikes.izh?.steps.length ?? 0).toBeGreaterThan(3);
    for (const id of Object.keys(chunk.traces)) {
      // OnlineO1 without decay (o1d) keeps its traces at 0 or their maximum.
      expect(distinct(chunk, id), id).toBeGreaterThan(id.startsWith('o1d_p') ? 1 : 2);
    }
    for (const [id, w] of Object.entries(weights)) {
      const initial = plan.projections.find((p) => p.id === id)?.csr.weights;
      expect(initial instanceof Float32Array && Array.from(initial), id).not.toEqual(Array.from(w));
    }
  });

  it.each(CASES)('every rule, seed 1: $label', async ({ mode, options, chunk }) => {
    const plan = planOf(plasticNetwork(1));
    const expected = await reference(plan);
    const runner = await createOnMode(plan, mode, options);
    try {
      const got = await runOn(
        runner,
        plan,
        chunk ? cut(plan.totalSteps, chunk) : [plan.totalSteps],
      );
      expectIdentical(got.chunk, expected.chunk);
      expectSameWeights(got.weights, expected.weights);
    } finally {
      runner.dispose();
    }
  });

  it('OnlineO1 at its bounds (weights saturate at 0 and the top, rewards at the range)', async () => {
    const doc = plasticNetwork(2, 60, ['online_o1']);
    for (const p of doc.projections) {
      if (p.plasticity?.rule !== 'online_o1') continue;
      // reward_bits 3: 7 * 2 spikes saturates to 3; shift 0 passes the whole product.
      p.plasticity = { ...p.plasticity, weight_bits: 4, reward_bits: 3, learning_shift: 0 };
      p.plasticity.reward = { population: 'reward', amount: p.id === 'o1' ? 7 : -7 };
    }
    const plan = planOf(doc);
    const expected = await reference(plan);
    const top = 2 ** 4 - 1;
    const o1 = Array.from(expected.weights.o1 ?? [], (w) => Math.round(w / 0.004));
    const o1d = Array.from(expected.weights.o1d ?? [], (w) => Math.round(w / 0.004));
    expect(o1.filter((w) => w === top).length).toBeGreaterThan(5);
    expect(o1d.filter((w) => w === 0).length).toBeGreaterThan(3);
    const runner = await createOnMode(plan, 'webasm', { callLengths: [16, 4] });
    try {
      const got = await runOn(runner, plan, cut(plan.totalSteps, 9));
      expectIdentical(got.chunk, expected.chunk);
      expectSameWeights(got.weights, expected.weights);
    } finally {
      runner.dispose();
    }
  });

  it('a reset runs the same again from the plan weights', async () => {
    const plan = planOf(plasticNetwork(3));
    const expected = await reference(plan);
    const runner = await createOnMode(plan, 'webasm', { callLengths: [16, 4] });
    try {
      expectIdentical((await runOn(runner, plan, [50, 70])).chunk, expected.chunk);
      await runner.reset();
      for (const [k, pr] of plan.projections.entries()) {
        if (!pr.plasticity) continue;
        const initial = pr.csr.weights;
        expect(initial instanceof Float32Array && Array.from(initial), pr.id).toEqual(
          Array.from(await runner.learnedWeights(k)),
        );
      }
      const again = await runOn(runner, plan, [33, 87]);
      expectIdentical(again.chunk, expected.chunk);
      expectSameWeights(again.weights, expected.weights);
      await expect(runner.learnedWeights(0)).rejects.toThrow(/'fixed' has no weight rule/);
    } finally {
      runner.dispose();
    }
  });
});

describe('beside Loihi populations (deliver reads their weight sums L too)', () => {
  it('STDP with delays and OnlineO1 from Poisson into a LIF of the mixed Loihi network', async () => {
    const doc = mixedLoihiNetwork(2, 100);
    doc.populations.push({
      id: 'reward',
      size: 2,
      position: { x: 0, y: 0 },
      model: 'poisson',
      params: { rate: 40 },
    });
    const into = (id: string, weight: Projection['weight'], delay: Projection['delay']) => ({
      id,
      source: 'noise',
      target: 'lif',
      connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: true } as const,
      weight,
      delay,
      synapse: { kind: 'delta' } as const,
    });
    doc.projections.push(
      {
        ...into('stdp', { kind: 'uniform', low: 0.5, high: 3 }, PER_SYNAPSE_DELAYS),
        plasticity: { ...STDP, w_max: 3, a_plus: 0.2, a_minus: 0.21 },
      },
      {
        ...into('o1', { kind: 'uniform', low: 0.5, high: 1 }, { kind: 'constant', steps: 0 }),
        plasticity: ONLINE_O1,
      },
    );
    doc.probes.push(
      { id: 'stdp_w', kind: 'synapse', projection: 'stdp', variable: 'w', synapses: [0, 3, 10] },
      { id: 'o1_w', kind: 'synapse', projection: 'o1', variable: 'w', synapses: [0, 3, 10] },
    );
    const plan = planOf(doc);
    const expected = await reference(plan);
    expect(distinct(expected.chunk, 'stdp_w')).toBeGreaterThan(3);
    const runner = await createOnMode(plan, 'webasm', { callLengths: [16, 4] });
    try {
      const got = await runOn(runner, plan, cut(plan.totalSteps, 30));
      expectIdentical(got.chunk, expected.chunk);
      expectSameWeights(got.weights, expected.weights);
    } finally {
      runner.dispose();
    }
  });
});

describe('a learned weight that overflows V', () => {
  it('stops the gpu backend at the reference step, population and neuron', async () => {
    const doc = plasticNetwork(7, 60, ['stdp']);
    const stdp = doc.projections.find((p) => p.id === 'stdp');
    if (stdp?.plasticity?.rule !== 'stdp') throw new Error('plasticNetwork has no stdp');
    // Potentiation toward 3e38 lets two events in one step sum past the float32 range.
    stdp.plasticity = { ...stdp.plasticity, a_plus: 1e38, w_max: 3e38 };
    const plan = planOf(doc);
    const outcome = async (runner: BackendRunner, chunk: number): Promise<string> => {
      try {
        for (const n of cut(plan.totalSteps, chunk)) await runner.run(n);
        return 'no error';
      } catch (error) {
        // The message names the step (a failed gpu call leaves currentStep at the call's start).
        return String(error);
      } finally {
        runner.dispose();
      }
    };
    const expected = await outcome(await createReferenceBackend(plan), plan.totalSteps);
    expect(expected).toMatch(/NumericalError.*'out'/);
    const got = await outcome(await createOnMode(plan, 'webasm', { callLengths: [16, 4] }), 7);
    expect(got).toBe(expected);
  });
});

/** The single-rule network with one more part on its STDP projection. */
function withPart(part: Partial<Projection>, rules: RuleSet = ['stdp']): Plan {
  const doc = plasticNetwork(1, 5, rules);
  const target = doc.projections.find((p) => p.plasticity !== undefined);
  if (target) Object.assign(target, part);
  // Homeostatic scaling keeps no traces to probe.
  doc.probes = doc.probes.filter((p) => p.kind !== 'synapse' || p.variable === 'w');
  return planOf(doc);
}

describe('what the gpu backend does not step is refused by name', () => {
  const refusals: [string, Plan, string][] = [
    [
      'STP',
      withPart({ stp: { U: 0.3, tau_d: 40, tau_f: 15 } }),
      "projection 'stdp': short-term plasticity (STP) runs on the reference and wasm backends",
    ],
    [
      'structural',
      withPart({
        structural: {
          interval: 5,
          prune_below: 0.08,
          growth_rate: 0.2,
          grow_low: 0.1,
          grow_high: 0.2,
        },
      }),
      "projection 'stdp': structural plasticity runs on the reference and wasm backends",
    ],
    [
      'homeostatic',
      withPart({
        plasticity: { rule: 'homeostatic', target_rate: 30, tau: 20, interval: 7, max_change: 0.2 },
      }),
      "projection 'stdp': homeostatic scaling runs on the reference and wasm backends",
    ],
    [
      'wide OnlineO1',
      withPart({ plasticity: { ...ONLINE_O1, reward_bits: 8, trace_bits: 20 } }, ['online_o1']),
      "projection 'o1': OnlineO1 with reward_bits + trace_bits 28 > 26 runs on the reference and wasm backends",
    ],
  ];

  it.each(refusals)('%s', async (_, plan, message) => {
    for (const mode of ['cpu', 'webasm'] as const) {
      const error: unknown = await createOnMode(plan, mode).then(
        (r) => {
          r.dispose();
          return undefined;
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect((error as BackendUnavailableError).reason).toBe(message);
    }
  });

  it('auto runs a refused plan elsewhere; a plan the gpu steps runs on gpu:cpu', async () => {
    const refused = plasticNetwork(1, 5);
    const rec = refused.projections.find((p) => p.id === 'rec');
    if (rec) rec.stp = { U: 0.3, tau_d: 40, tau_f: 15 };
    const auto = await createSimulation(refused, { backend: 'auto' });
    expect(auto.backend).not.toMatch(/^gpu/);
    auto.dispose();
    const cpu = await createSimulation(plasticNetwork(1, 5, ['stdp']), { backend: 'cpu' });
    try {
      expect(cpu.backend).toBe('gpu:cpu');
      await cpu.step(10);
      expect(Object.keys(await cpu.learnedWeights()).sort()).toEqual(['rec', 'stdp']);
    } finally {
      cpu.dispose();
    }
  });
});
