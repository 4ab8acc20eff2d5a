/**
 * The conv, pool and explicit rules compiled to CSR, against an independent direct convolution
 * written here (for each output pixel, the sum of kernel x input over the window), for stride,
 * padding, dilation and groups; pools; explicit pairs with explicit weights and delays; a
 * ~1M-synapse conv's compile time (printed); and one conv net on the reference, wasm and gpu.js
 * (cpu mode) backends, identical, with one step checked against the direct convolution.
 */
import { describe, expect, it } from 'vitest';
import { createOnMode } from '../../../src/engine/backends/gpu/index.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { estimateMemory } from '../../../src/engine/compile/memory-estimate.ts';
import { exportRefusals } from '../../../src/hdl/core-refusals.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import type { Connectivity, NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { conv2d, convDocument, sequence } from '../model/conv-fixtures.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

/** The validated copy of `doc` (fails the test with its issues otherwise). */
function valid(doc: NetworkDocument): NetworkDocument {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

/** Per-target input of one step in which the sources with `x[s] = 1` spike, from the CSR. */
function csrInput(plan: Plan, x: readonly number[], targetSize: number): number[] {
  const p = plan.projections[0];
  if (p === undefined) throw new Error('no projection');
  const { rowPtr, targets, weights } = p.csr;
  const y = new Array<number>(targetSize).fill(0);
  for (let s = 0; s < x.length; s++) {
    if (x[s] === 0) continue;
    for (let e = rowPtr[s] ?? 0; e < (rowPtr[s + 1] ?? 0); e++) {
      const w = weights instanceof Float32Array ? (weights[e] ?? NaN) : weights.constant;
      y[targets[e] ?? 0] = (y[targets[e] ?? 0] ?? 0) + w;
    }
  }
  return y;
}

/** Rows by source, targets strictly ascending in each row (connection order, no repeats). */
function expectConnectionOrder(plan: Plan): void {
  const { rowPtr, targets } = plan.projections[0]?.csr ?? { rowPtr: [], targets: [] };
  for (let s = 0; s + 1 < rowPtr.length; s++) {
    for (let e = (rowPtr[s] ?? 0) + 1; e < (rowPtr[s + 1] ?? 0); e++) {
      expect((targets[e] ?? 0) > (targets[e - 1] ?? 0), `row ${s} ascending at ${e}`).toBe(true);
    }
  }
}

interface Direct {
  cin: number;
  h: number;
  w: number;
  cout: number;
  kh: number;
  kw: number;
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  groups: number;
  /** Kernel value of (o, ci, ky, kx), ci within the group. */
  k: (o: number, ci: number, ky: number, kx: number) => number;
}

/** The textbook grouped convolution, zero padding, each product rounded as the CSR weight is. */
function directConv(d: Direct, x: readonly number[], weight: number): number[] {
  const ho =
    Math.floor((d.h + 2 * d.padding[0] - d.dilation[0] * (d.kh - 1) - 1) / d.stride[0]) + 1;
  const wo =
    Math.floor((d.w + 2 * d.padding[1] - d.dilation[1] * (d.kw - 1) - 1) / d.stride[1]) + 1;
  const cinG = d.cin / d.groups;
  const coutG = d.cout / d.groups;
  const y: number[] = [];
  for (let o = 0; o < d.cout; o++) {
    const g = Math.floor(o / coutG);
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        let sum = 0;
        for (let ci = 0; ci < cinG; ci++) {
          for (let ky = 0; ky < d.kh; ky++) {
            for (let kx = 0; kx < d.kw; kx++) {
              const iy = oy * d.stride[0] - d.padding[0] + ky * d.dilation[0];
              const ix = ox * d.stride[1] - d.padding[1] + kx * d.dilation[1];
              if (iy < 0 || iy >= d.h || ix < 0 || ix >= d.w) continue;
              const xv = x[((g * cinG + ci) * d.h + iy) * d.w + ix] ?? NaN;
              if (xv !== 0) sum += Math.fround(d.k(o, ci, ky, kx) * weight) * xv;
            }
          }
        }
        y.push(sum);
      }
    }
  }
  return y;
}

/** About half the sources spiking. */
const spikes = (n: number, seed: number): number[] => sequence(n, seed).map((v) => (v > 0 ? 1 : 0));

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a, `target ${i}`).toBeCloseTo(expected[i] ?? NaN, 9));
}

/** Compiles a conv2d from `[cin, h, w]` and compares its CSR with the direct convolution. */
function checkConv2d(
  cin: number,
  h: number,
  w: number,
  kernelShape: [number, number, number, number],
  options: {
    stride?: [number, number];
    padding?: [number, number];
    dilation?: [number, number];
    groups?: number;
  },
  weight: number,
): void {
  const rule = conv2d(kernelShape, options, cin * h * w);
  if (rule.rule !== 'conv2d') throw new Error('conv2d expected');
  const [cout, cinG, kh, kw] = kernelShape;
  const d: Direct = {
    cin,
    h,
    w,
    cout,
    kh,
    kw,
    stride: rule.stride,
    padding: rule.padding,
    dilation: rule.dilation,
    groups: rule.groups,
    k: (o, ci, ky, kx) => rule.kernel.values[((o * cinG + ci) * kh + ky) * kw + kx] ?? NaN,
  };
  const x = spikes(cin * h * w, 11 + h);
  const expected = directConv(d, x, weight);
  const targetShape = [cout, ...outHW(d)];
  const plan = compile(valid(convDocument([cin, h, w], targetShape, rule, weight)));
  expectConnectionOrder(plan);
  expectClose(csrInput(plan, x, expected.length), expected);
}

function outHW(d: Direct): [number, number] {
  return [
    Math.floor((d.h + 2 * d.padding[0] - d.dilation[0] * (d.kh - 1) - 1) / d.stride[0]) + 1,
    Math.floor((d.w + 2 * d.padding[1] - d.dilation[1] * (d.kw - 1) - 1) / d.stride[1]) + 1,
  ];
}

describe('conv rules compile to CSR: against a direct convolution', () => {
  it('conv2d: plain, strided and padded, dilated, grouped, with a weight', () => {
    checkConv2d(2, 5, 6, [4, 2, 3, 3], {}, 1);
    checkConv2d(3, 7, 8, [2, 3, 3, 2], { stride: [2, 3], padding: [1, 2] }, 0.5);
    checkConv2d(2, 9, 7, [3, 2, 2, 3], { dilation: [3, 2], padding: [2, 0] }, -2);
    checkConv2d(4, 6, 6, [6, 2, 3, 3], { groups: 2, stride: [2, 2], padding: [1, 1] }, 1.5);
    // Depthwise: one input channel per group.
    checkConv2d(3, 5, 5, [3, 1, 3, 3], { groups: 3, padding: [1, 1] }, 1);
  });

  it('conv1d as a conv2d of height 1', () => {
    const values = sequence(4 * 3 * 3, 3);
    const rule: Connectivity = {
      rule: 'conv1d',
      kernel: { shape: [4, 3, 3], values },
      stride: 2,
      padding: 1,
      dilation: 2,
      groups: 1,
    };
    const d: Direct = {
      cin: 3,
      h: 1,
      w: 10,
      cout: 4,
      kh: 1,
      kw: 3,
      stride: [1, 2],
      padding: [0, 1],
      dilation: [1, 2],
      groups: 1,
      k: (o, ci, _ky, kx) => values[(o * 3 + ci) * 3 + kx] ?? NaN,
    };
    const x = spikes(30, 5);
    const expected = directConv(d, x, 1);
    expect(expected.length).toBe(16);
    const plan = compile(valid(convDocument([3, 10], [4, 4], rule)));
    expectConnectionOrder(plan);
    expectClose(csrInput(plan, x, 16), expected);
  });

  it('sum and average pools, padding counted in the average (count_include_pad)', () => {
    for (const [rule, value] of [
      ['sum_pool2d', 1],
      ['avg_pool2d', 1 / 6],
    ] as const) {
      const d: Direct = {
        cin: 3,
        h: 7,
        w: 6,
        cout: 3,
        kh: 2,
        kw: 3,
        stride: [2, 2],
        padding: [1, 1],
        dilation: [1, 1],
        groups: 3,
        k: () => value,
      };
      const x = spikes(3 * 7 * 6, 9);
      const expected = directConv(d, x, 2);
      const plan = compile(
        valid(
          convDocument(
            [3, 7, 6],
            [3, ...outHW(d)],
            { rule, kernel_size: [2, 3], stride: [2, 2], padding: [1, 1] },
            2,
          ),
        ),
      );
      expectConnectionOrder(plan);
      expectClose(csrInput(plan, x, expected.length), expected);
    }
  });

  it('explicit pairs with explicit weights and delays, synapse k = pair k', () => {
    const doc = convDocument([5], [3], {
      rule: 'explicit',
      pairs: { sources: [0, 0, 2, 4, 4], targets: [1, 2, 0, 0, 2] },
    });
    const p = doc.projections[0];
    if (p === undefined) throw new Error('no projection');
    p.weight = { kind: 'explicit', values: [0.5, -1, 2, 3, 0.25] };
    p.delay = { kind: 'explicit', steps: [0, 3, 1, 255, 2] };
    const plan = compile(valid(doc));
    const csr = plan.projections[0]?.csr;
    expect(Array.from(csr?.rowPtr ?? [])).toEqual([0, 2, 2, 3, 3, 5]);
    expect(Array.from(csr?.targets ?? [])).toEqual([1, 2, 0, 0, 2]);
    expect(Array.from(csr?.weights as Float32Array)).toEqual([0.5, -1, 2, 3, 0.25]);
    expect(Array.from(csr?.delays as Uint8Array)).toEqual([0, 3, 1, 255, 2]);
    expect(plan.projections[0]?.maxDelay).toBe(255);
  });

  it('estimates exactly the synapses compile builds; the Verilog export refuses conv', () => {
    const docs = [
      convDocument([3, 7, 8], [2, 4, 4], conv2d([2, 3, 3, 2], { stride: [2, 3], padding: [1, 2] })),
      convDocument(
        [4, 6, 6],
        [6, 3, 3],
        conv2d([6, 2, 3, 3], { groups: 2, stride: [2, 2], padding: [1, 1] }),
      ),
      convDocument([3, 7, 6], [3, 4, 3], {
        rule: 'sum_pool2d',
        kernel_size: [2, 3],
        stride: [2, 2],
        padding: [1, 1],
      }),
    ];
    for (const doc of docs) {
      const plan = compile(valid(doc));
      const estimate = estimateMemory(doc).projections[0];
      expect(estimate?.synapses).toBe(plan.projections[0]?.csr.targets.length);
      // Conv weights are per synapse (4 B) besides the target (4 B).
      expect(estimate?.bytesPerSynapse).toBe(8);
      expect(exportRefusals(doc).map((r) => r.path)).toContain('projections[0].connectivity.rule');
    }
  });

  it('compiles a ~1M-synapse conv quickly', () => {
    // [8, 32, 32] -> [16, 32, 32] by 3x3, padding 1: 16 x 8 x 94 x 94 = 1,131,008 synapses.
    const doc = valid(
      convDocument([8, 32, 32], [16, 32, 32], conv2d([16, 8, 3, 3], { padding: [1, 1] })),
    );
    const start = performance.now();
    const plan = compile(doc);
    const ms = performance.now() - start;
    expect(plan.projections[0]?.csr.targets.length).toBe(1_131_008);
    console.log(`conv2d compile: 1,131,008 synapses in ${ms.toFixed(0)} ms`);
    // Well under a second on a desktop; a generous bound for a busy 2-core CI machine.
    expect(ms).toBeLessThan(3000);
  });
});

/**
 * A small conv net: a spike generator image [2, 6, 6] -> conv2d 3x3 pad 1 -> LIF [4, 6, 6] ->
 * avg_pool 2x2 -> LIF [4, 3, 3], and explicit pairs with explicit delays back into the first
 * LIF. The generator repeats, so the LIFs spike.
 */
function convNet(threshold: number): NetworkDocument {
  const x = spikes(72, 21);
  const doc = convDocument([2, 6, 6], [4, 6, 6], conv2d([4, 2, 3, 3], { padding: [1, 1] }), 1.2);
  const [input, first] = doc.populations;
  if (input?.model !== 'spike_generator' || first?.model !== 'stochastic_lif')
    throw new Error('fixture');
  const indices = x.flatMap((v, i) => (v ? [i] : []));
  input.params = { indices, times: indices.map(() => 0), period: 2 };
  first.params = {
    ...first.params,
    v_rest: 0,
    v_reset: 0,
    v_threshold: threshold,
    tau_mem: 1e9,
    refractory_period: 0,
    noise_std: 0,
    bias: 0,
    v_init: { kind: 'constant', value: 0 },
  };
  doc.populations.push({ ...first, id: 'pooled', size: 36, shape: [4, 3, 3] });
  doc.projections.push(
    {
      id: 'pool',
      source: 'out',
      target: 'pooled',
      connectivity: { rule: 'avg_pool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] },
      weight: { kind: 'constant', value: 3 },
      delay: { kind: 'constant', steps: 1 },
      synapse: { kind: 'exponential', tau: 2 },
    },
    {
      id: 'back',
      source: 'pooled',
      target: 'out',
      connectivity: {
        rule: 'explicit',
        pairs: { sources: [0, 4, 4, 35], targets: [7, 0, 143, 20] },
      },
      weight: { kind: 'explicit', values: [0.3, -0.2, 0.4, 0.1] },
      delay: { kind: 'explicit', steps: [0, 2, 5, 1] },
      synapse: { kind: 'delta' },
    },
  );
  doc.probes.push(
    { id: 's1', kind: 'spikes', population: 'out' },
    { id: 's2', kind: 'spikes', population: 'pooled' },
    {
      id: 'v1',
      kind: 'state',
      population: 'out',
      variable: 'v',
      neurons: Array.from({ length: 144 }, (_, i) => i),
    },
  );
  doc.run = { dt: 0.1, duration: 3, seed: 4, backend: 'reference' };
  return valid(doc);
}

describe('a conv net on every backend', () => {
  it('delivers the direct convolution in one step (leak-free LIF, delta synapses)', async () => {
    const doc = convNet(1e9);
    const plan = compile(doc);
    const chunk = await runChunks(createReferenceBackend, plan, 3);
    const trace = chunk.traces.v1;
    if (trace === undefined) throw new Error('no trace');
    const rule = doc.projections[0]?.connectivity;
    if (rule?.rule !== 'conv2d') throw new Error('conv2d expected');
    const input = doc.populations[0];
    if (input?.model !== 'spike_generator') throw new Error('fixture');
    const x = new Array<number>(72).fill(0);
    for (const i of input.params.indices) x[i] = 1;
    const expected = directConv(
      {
        cin: 2,
        h: 6,
        w: 6,
        cout: 4,
        kh: 3,
        kw: 3,
        stride: [1, 1],
        padding: [1, 1],
        dilation: [1, 1],
        groups: 1,
        k: (o, ci, ky, kx) => rule.kernel.values[((o * 2 + ci) * 3 + ky) * 3 + kx] ?? NaN,
      },
      x,
      1.2,
    );
    // The spikes of step 0 reach V at step 1 (delivery in step 5, integration next step).
    const n = 144;
    const stepOne = Array.from(trace.values.slice(n, 2 * n));
    stepOne.forEach((v, i) => expect(v, `neuron ${i}`).toBeCloseTo(expected[i] ?? NaN, 4));
  });

  it('reference, wasm and gpu.js cpu agree bit for bit', async () => {
    const plan = compile(convNet(0.8));
    const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expect(expected.spikes.out?.steps.length ?? 0).toBeGreaterThan(0);
    expect(expected.spikes.pooled?.steps.length ?? 0).toBeGreaterThan(0);
    expectIdentical(await runChunks(createWasmBackend, plan, 7), expected);
    expectIdentical(await runChunks(() => createOnMode(plan, 'cpu'), plan, 7), expected);
  });
});
