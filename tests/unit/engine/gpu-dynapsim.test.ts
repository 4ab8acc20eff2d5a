/**
 * DynapSim populations on the gpu backend's Node modes (gpu.js cpu and webasm) against the
 * reference, bit for bit: the gallery example, Rockpool's from-spec network (recurrence, 20 %
 * mismatch, odd sizes), 203 neurons with 30 % mismatch, and DynapSim among LIF and Poisson
 * sources (dpi synapses with delays 0-5 and per-synapse weights, recurrent dpi, DynapSim driving
 * a LIF); every spike and every probed Imem (`v`) and Isyn (`i_syn`) of every step must be
 * identical, with 2D and flat kernel arrays and device calls of several lengths. A run that
 * blows up stops with the reference's NumericalError, and a plan without DynapSim gets none of
 * its rows, fields, helpers or branches.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createOnMode, type GpuRunnerOptions } from '../../../src/engine/backends/gpu/index.ts';
import { stepSources } from '../../../src/engine/backends/gpu/kernels.ts';
import { DYN, DYN_POP, DYN_ROWS } from '../../../src/engine/backends/gpu/dynapsim-layout.ts';
import { KIND, POP, ROW, buildLayout } from '../../../src/engine/backends/gpu/layout.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { cubaDocument } from './fixtures/documents.ts';
import { dynapsimDocument } from './fixtures/dynapsim-documents.ts';
import {
  dynapsimExample,
  dynapsimFromSpec,
  dynapsimMixed,
  dynapsimPlanOf,
  probeDynapsim,
} from './fixtures/dynapsim-networks.ts';
import { dynapsimWithIzhikevichAndSc, dynapsimWithLoihi } from './fixtures/dynapsim-with-models.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

/** Device calls of one and several steps, chunks that are not multiples of them, 2D and flat. */
const VARIANTS: [string, 'cpu' | 'webasm', GpuRunnerOptions, number][] = [
  ['cpu, one step per call', 'cpu', { callLengths: [1] }, 500],
  ['cpu, flat arrays, calls of 16/4', 'cpu', { flatArrays: true, callLengths: [16, 4] }, 37],
  ['webasm, calls of 64/16/4', 'webasm', {}, 300],
  ['webasm, flat arrays, calls of 7', 'webasm', { flatArrays: true, callLengths: [7] }, 23],
  ['webasm, calls of 16 and gather unroll 4', 'webasm', { callLengths: [16], gatherUnroll: 4 }, 45],
];

function describeNetwork(name: string, build: () => NetworkDocument): void {
  describe(name, () => {
    const plan = dynapsimPlanOf(build());
    let expected: Promise<Chunk> | undefined;
    const want = (): Promise<Chunk> =>
      (expected ??= runChunks(createReferenceBackend, plan, plan.totalSteps));

    it('is not trivial: every DynapSim population spikes', async () => {
      const ref = await want();
      for (const p of plan.populations) {
        if (p.model.model !== 'dynapsim') continue;
        expect(ref.spikes[p.id]?.steps.length ?? 0, `spikes of ${p.id}`).toBeGreaterThan(5);
      }
    });

    for (const [label, mode, options, chunk] of VARIANTS) {
      it(`${label}: identical to the reference`, async () => {
        const factory = () => createOnMode(plan, mode, options);
        expectIdentical(await runChunks(factory, plan, chunk), await want());
      });
    }
  });
}

describe('DynapSim on the gpu backend (Node modes), bit for bit', () => {
  describeNetwork('the gallery example', () => {
    const doc = dynapsimExample();
    probeDynapsim(doc);
    return doc;
  });
  describeNetwork('a from-spec network: recurrence, 20 % mismatch, odd sizes', () =>
    dynapsimFromSpec(),
  );
  describeNetwork('203 neurons with 30 % mismatch', () => {
    const doc = dynapsimDocument(
      { Idc: 4e-10, Iw_ahp: 1e-9, percent_mismatch: 0.3, mismatch_seed: 9 },
      { size: 203, duration: 300 },
    );
    probeDynapsim(doc);
    return doc;
  });
  describeNetwork('DynapSim among LIF and Poisson sources, dpi delays 0-5', () => dynapsimMixed());
  describeNetwork(
    'DynapSim beside Izhikevich and an SC layer reading DynapSim rates',
    dynapsimWithIzhikevichAndSc,
  );
  describeNetwork('DynapSim driven by Loihi populations (1 ms)', dynapsimWithLoihi);
});

describe('DynapSim runner', () => {
  it('starts over after reset: Imem, Isyn and Iahp back at Io, Vmem, timers and input 0', async () => {
    const plan = dynapsimPlanOf(dynapsimFromSpec());
    const runner = await createOnMode(plan, 'webasm', { callLengths: [16, 4] });
    try {
      const first = await runner.run(150);
      await runner.reset();
      expect(runner.currentStep).toBe(0);
      expectIdentical(await runner.run(150), first);
    } finally {
      runner.dispose();
    }
  });
});

describe('a non-finite Imem', () => {
  /** The NumericalError fields a backend stops with, running the whole plan. */
  async function failure(
    plan: Plan,
    factory: () => Promise<{ run(n: number): Promise<Chunk>; dispose(): void }>,
  ): Promise<unknown[]> {
    const runner = await factory();
    try {
      const error: unknown = await runner.run(plan.totalSteps).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NumericalError);
      const n = error as NumericalError;
      return [n.population, n.step, n.neuron, n.variable, n.value];
    } finally {
      runner.dispose();
    }
  }

  const cases: [string, () => Plan, number][] = [
    // +Infinity: it passes the threshold, so the kernel must keep it rather than reset it.
    [
      'an overflowing recurrent weight (1e38)',
      () => dynapsimPlanOf(dynapsimFromSpec(1e38)),
      Infinity,
    ],
    // NaN: it persists through the steps (Math.max propagates it), and the scan must find it.
    ['a dark current of 0 in the plan (Vmem infinite)', nanPlan, NaN],
  ];
  for (const [name, build, value] of cases) {
    it(`${name}: the reference's step, neuron, variable and value`, async () => {
      const plan = build();
      const ref = await failure(plan, () => createReferenceBackend(plan));
      expect(ref[3]).toBe('Imem');
      expect(ref[4]).toBe(value);
      expect(ref[1]).toBeGreaterThan(0);
      for (const [mode, options] of [
        ['cpu', { callLengths: [16, 4] }],
        ['webasm', {}],
        ['webasm', { flatArrays: true, callLengths: [7] }],
      ] as const) {
        expect(await failure(plan, () => createOnMode(plan, mode, options))).toEqual(ref);
      }
    });
  }
});

/**
 * A plan whose neuron 1 of population Z has a dark current of 0 (validation refuses Io = 0 in a
 * document; the plan is changed to reach NaN): Vmem = log(Imem / 0) is +Infinity after step 0,
 * so exp32 gives an infinite feedback and `0 * Infinity` makes Imem NaN at step 1.
 */
function nanPlan(): Plan {
  const doc = dynapsimDocument({ Idc: 2e-10 }, { size: 3, duration: 60 });
  const healthy = doc.populations[0];
  if (healthy?.model !== 'dynapsim') throw new Error('dynapsimDocument changed');
  doc.populations.push({ ...healthy, id: 'Z', size: 2 });
  const plan = dynapsimPlanOf(doc);
  const z = plan.populations[1]?.model;
  if (z?.model !== 'dynapsim') throw new Error('Z is not DynapSim');
  z.io[1] = 0;
  return plan;
}

describe('DynapSim device layout', () => {
  it('adds three rows, a population block and the neuron records after the tables', () => {
    const plan = dynapsimPlanOf(dynapsimMixed(10));
    const layout = buildLayout(plan, 16);
    const dyn = layout.dynapsim;
    if (!dyn) throw new Error('no DynapSim layout');
    expect([dyn.iahpRow, dyn.vmemRow, dyn.wsRow]).toEqual([
      2 + layout.slots,
      3 + layout.slots,
      4 + layout.slots,
    ]);
    expect(layout.historyRow).toBe(2 + layout.slots + DYN_ROWS);
    expect(layout.popStride).toBe(POP.decay + layout.slots + DYN_POP.count);
    // Population E (index 3) starts after D's 11 records; its neuron 4's tRef is the plan's.
    const e = plan.populations[3]?.model;
    if (e?.model !== 'dynapsim') throw new Error('E is not DynapSim');
    const at = layout.params[3 * layout.popStride + dyn.field + DYN_POP.base] ?? -1;
    expect(at).toBe(dyn.base + 11 * DYN.count);
    expect(layout.params[at + 4 * DYN.count + DYN.tRef]).toBe(e.tRef[4]);
    expect(layout.params[3 * layout.popStride + POP.kind]).toBe(KIND.dynapsim);
    // Imem (V row) starts at Io, and so do Isyn (slot 0) and Iahp; LIF columns at 0.
    const eFirst = layout.offsets[3] ?? 0;
    expect(layout.vInit[eFirst]).toBe(e.io0);
    const init = new Map(dyn.initRows.map((r) => [r.row, r.values]));
    expect(init.get(ROW.current(0))?.[eFirst]).toBe(e.io0);
    expect(init.get(dyn.iahpRow)?.[eFirst]).toBe(e.io0);
    expect(init.get(dyn.iahpRow)?.[layout.offsets[2] ?? 0]).toBe(0);
    const src = stepSources(layout, plan.populations.length);
    expect(src.neuron).toContain(`kind === ${KIND.dynapsim}`);
    expect(src.neuron).toContain('exp32(');
    expect(src.deliver).toContain('log32(');
  });

  it('a plan without DynapSim has no DynapSim rows, fields or branches', () => {
    const plan = compile(cubaDocument(1, 10));
    const layout = buildLayout(plan, 64, true);
    expect(layout.dynapsim).toBeNull();
    expect(layout.historyRow).toBe(2 + layout.slots);
    expect(layout.popStride).toBe(POP.decay + layout.slots);
    expect(layout.params.length).toBe(layout.gaussBase + plan.gaussTable.length);
    const src = stepSources(layout, plan.populations.length);
    expect(src.neuron).not.toContain(`kind === ${KIND.dynapsim}`);
    expect(src.deliver).not.toContain(`=== ${KIND.dynapsim}`);
    expect(src.deliver).not.toContain('log32');
  });
});
