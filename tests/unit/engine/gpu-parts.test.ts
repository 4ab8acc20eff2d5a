/**
 * Parts of the gpu backend checked on their own: the integer hash inside real gpu.js kernels,
 * the order of the gather lists, mode selection and reporting, reset.
 */
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from '../../../src/engine/backends/gpu/index.ts';
import { buildGatherLists } from '../../../src/engine/backends/gpu/gather.ts';
import { GpuContext, readBack } from '../../../src/engine/backends/gpu/gpujs.ts';
import { JS_HASH_FUNCTIONS, splitKey } from '../../../src/engine/backends/gpu/hash.ts';
import { HISTORY_BITS, NEURON, buildLayout } from '../../../src/engine/backends/gpu/layout.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { draw24, mix32 } from '../../../src/engine/random.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

describe('draw24 inside gpu.js kernels', () => {
  // Keys chosen to exercise the sign bit, wrap-around of key + index and all-ones.
  const keys = [0, 1, 0x7fffffff, 0x80000000, 0x9e3779b9, 0xfffffff0, 0xffffffff, mix32(12345)];
  const indices = Float32Array.from({ length: 2048 }, (_, i) => i * 37 + (i % 3));

  for (const mode of ['cpu', 'webasm'] as const) {
    it(`is exact on ${mode}`, async () => {
      const ctx = new GpuContext(mode, JS_HASH_FUNCTIONS, []);
      const kernel = ctx.createKernel({
        source: 'function (hi, lo, idx) { return draw24(hi[0], lo[0], idx[this.thread.x]); }',
        output: [indices.length],
        constants: {},
        loopMaxIterations: 1,
      });
      try {
        for (const key of keys) {
          const { hi, lo } = splitKey(key);
          const got = await readBack(
            await kernel(new Float32Array([hi]), new Float32Array([lo]), indices),
          );
          const want = Float32Array.from(indices, (j) => draw24(key, j));
          expect(got, `key ${key}`).toEqual(want);
        }
        expect(kernel.actualMode()).toBe(mode);
      } finally {
        ctx.destroy();
      }
    });
  }
});

/** Two projections onto one target population, with duplicate synapses and mixed delays. */
function twoProjectionPlan(): Plan {
  const lif = tutorialLif();
  return compile(
    makeDocument({
      populations: [lifPopulation('S', 6, lif), lifPopulation('T', 5, lif)],
      projections: ['x', 'y'].map((id, k) => ({
        id,
        source: 'S',
        target: 'T',
        connectivity: { rule: 'fixed_fan_in', k: 4, allow_self: true },
        weight: { kind: 'uniform', low: -1, high: 1 },
        delay: { kind: 'uniform_int', low: 0, high: 18 + k },
        synapse: { kind: 'delta' },
      })),
    }),
  );
}

describe('gather lists', () => {
  it('list each target in (projection, source, synapse) order with its weight and delay', () => {
    const plan = twoProjectionPlan();
    const layout = buildLayout(plan);
    const lists = buildGatherLists(plan, layout);
    const tBase = layout.offsets[1] ?? 0;
    for (let j = 0; j < 5; j++) {
      // Brute force: walk the CSR in CONTEXT.md's order, keep the synapses onto j.
      const want: [number, number, number][] = [];
      for (const pr of plan.projections) {
        const { rowPtr, targets, weights, delays } = pr.csr;
        for (let s = 0; s < 6; s++) {
          for (let e = rowPtr[s] ?? 0; e < (rowPtr[s + 1] ?? 0); e++) {
            if (targets[e] !== j) continue;
            const w = weights instanceof Float32Array ? (weights[e] ?? NaN) : weights.constant;
            const d = delays instanceof Uint8Array ? (delays[e] ?? NaN) : delays.constant;
            want.push([s, w, d]);
          }
        }
      }
      // The neuron's delta list (list 0) as the kernels read it.
      const row = (tBase + j) * layout.neuronStride + NEURON.lists;
      const got: [number, number, number][] = [];
      const first = layout.neurons[row] ?? 0;
      for (let k = 0; k < (layout.neurons[row + 1] ?? 0); k++) {
        const e = first + k * layout.listStride;
        // Word -1: delay 0 (the step's flag); else bit b of word w holds delay 16w + b + 1.
        const word = lists.wordScale[2 * e] ?? NaN;
        const scale = lists.wordScale[2 * e + 1] ?? 1;
        const delay = word < 0 ? 0 : word * HISTORY_BITS + Math.log2(1 / scale);
        got.push([lists.sourceWeight[2 * e] ?? NaN, lists.sourceWeight[2 * e + 1] ?? NaN, delay]);
      }
      expect(got).toEqual(want);
      expect(want.length).toBe(8);
    }
    // The delays above 15 land in the second history word.
    expect(lists.wordScale.some((w, i) => i % 2 === 0 && w === 1)).toBe(true);
  });
});

describe('mode selection', () => {
  const plan = twoProjectionPlan();

  it('auto picks webasm in Node and says so', async () => {
    const runner = await createGpuBackend(plan, 'auto');
    try {
      expect(runner.name).toBe('gpu:webasm');
    } finally {
      runner.dispose();
    }
  });

  for (const mode of ['webgl2', 'webgpu'] as const) {
    it(`${mode} is refused in Node with a reason, never silently run on cpu`, async () => {
      const error: unknown = await createGpuBackend(plan, mode).then(
        (r) => {
          r.dispose();
          return undefined;
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect((error as BackendUnavailableError).backend).toBe(mode);
    });
  }

  it('reset returns to step 0 and replays the same run', async () => {
    const doc = makeDocument(
      {
        populations: [lifPopulation('A', 20, tutorialLif({ noise_std: 0.3, bias: 0.04 }))],
        probes: [{ id: 'sp', kind: 'spikes', population: 'A' }],
      },
      { duration: 300 },
    );
    const runner = await createGpuBackend(compile(doc), 'webasm');
    try {
      const first = await runner.run(300);
      expect(first.spikes['A']?.steps.length).toBeGreaterThan(20);
      await runner.reset();
      expect(runner.currentStep).toBe(0);
      const again = await runner.run(300);
      expect(again.spikes).toEqual(first.spikes);
    } finally {
      runner.dispose();
    }
  });
});
