/**
 * An `sc_dense` layer with rates inputs reading a Loihi population (CONTEXT.md step 5b): the
 * trace adds the Loihi spikes of step t-1, since step 5c makes those of step t after 5b. Pinned
 * by a hand-worked trace of the reference's step 5b, by the exact step where a layer's current
 * turns on after the Loihi spikes (one step later than for a generator source), and by every
 * spike and probed sample being equal on reference, wasm, gpu cpu and gpu webasm.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendFactory } from '../../../src/engine/backends/backend.ts';
import { createOnMode } from '../../../src/engine/backends/gpu/index.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { allocateSc, updateRatesFrom } from '../../../src/engine/backends/reference/sc-step.ts';
import { SpikeHistory } from '../../../src/engine/backends/reference/spike-history.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import type { Plan, ScDensePlan } from '../../../src/engine/plan.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { spikeStepsOf, traceOf } from './fixtures/run.ts';
import { loihiRatesDocument } from './fixtures/sc-rates-loihi-network.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';

const f = Math.fround;

function planOf(doc: NetworkDocument): Plan {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return compile(valid.document);
}

function layerPlan(plan: Plan, id: string): ScDensePlan {
  const m = plan.populations.find((p) => p.id === id)?.model;
  if (m?.model !== 'sc_dense') throw new Error(`no sc_dense layer ${id}`);
  return m;
}

describe("the reference's step 5b with a Loihi source", () => {
  it('adds gain one step after each Loihi spike, and decays every step', () => {
    const sc = allocateSc(layerPlan(planOf(loihiRatesDocument(10)), 'T'));
    if (sc.plan.inputs.kind !== 'rates') throw new Error('T reads rates');
    const { decay: d, gain: g } = sc.plan.inputs;
    // Hand-picked Loihi spikes by step: channel 1 at 0, channel 0 at 1 and 2, channel 2 at 4.
    const train: number[][] = [[1], [0], [0], [], [2], []];
    const history = new SpikeHistory(3, 2, false);
    const got: number[][] = [];
    for (let t = 0; t < train.length; t++) {
      // The runner's order: the slot of t starts empty, step 5b, then step 5c fills it.
      history.begin(t);
      history.commit(t, 0);
      updateRatesFrom(sc, history, t, true);
      const list = history.begin(t);
      const spikes = train[t] ?? [];
      list.set(spikes);
      history.commit(t, spikes.length);
      got.push(Array.from(sc.rates));
    }
    const r0 = [0, 0, g, f(f(g * d) + g), f(f(f(g * d) + g) * d), f(f(f(f(g * d) + g) * d) * d)];
    const r1 = [0, g, f(g * d), f(f(g * d) * d), f(f(f(g * d) * d) * d)];
    r1.push(f((r1[4] as number) * d));
    const r2 = [0, 0, 0, 0, 0, g];
    expect(got).toEqual(r0.map((x, t) => [x, r1[t], r2[t]]));
    expect(g).toBeGreaterThan(0);
    expect(d).toBeLessThan(1);
  });

  it('at step 0 adds nothing (no step -1), whatever the slot holds', () => {
    const sc = allocateSc(layerPlan(planOf(loihiRatesDocument(10)), 'T'));
    const history = new SpikeHistory(3, 2, false);
    const list = history.begin(1);
    list.set([0, 1, 2]);
    history.commit(1, 3);
    updateRatesFrom(sc, history, 0, true);
    expect(Array.from(sc.rates)).toEqual([0, 0, 0]);
    // A source that is not Loihi adds its spikes of step t itself.
    updateRatesFrom(sc, history, 1, false);
    expect(sc.rates[0]).toBeGreaterThan(0);
  });
});

describe('an SC rates layer reading a Loihi population', () => {
  const duration = 60;
  const plan = planOf(loihiRatesDocument(duration));
  let expected: Promise<Chunk> | undefined;
  const reference = (): Promise<Chunk> =>
    (expected ??= runChunks(createReferenceBackend, plan, duration));

  it('turns on two steps after the Loihi spike, one later than a generator source', async () => {
    const chunk = await reference();
    // L fires at G's steps: 2, 3, 7, 12, 13, 17, ...
    const fires = (c: number): number[] => spikeStepsOf(chunk, 'L', c);
    expect(fires(0)).toEqual(spikeStepsOf(chunk, 'G', 0));
    expect(fires(0).slice(0, 3)).toEqual([2, 7, 12]);
    expect(fires(1).slice(0, 2)).toEqual([3, 13]);
    expect(fires(2)).toEqual([]);
    // Channels whose trace is up: 0 from 2 + 2, 1 from 3 + 2 (T); one step earlier from G (TG).
    const one = f(f(0.1) * 1);
    const two = f(f(0.1) * 2);
    const counted = (first0: number, first1: number): number[] =>
      Array.from({ length: duration }, (_, t) => (t >= first1 ? two : t >= first0 ? one : 0));
    expect(traceOf(chunk, 'i_T')).toEqual(counted(4, 5));
    expect(traceOf(chunk, 'i_TG')).toEqual(counted(3, 4));
  });

  it('is driven by the Loihi rates: its current moves and its neurons fire', async () => {
    const chunk = await reference();
    const isc = traceOf(chunk, 'i_R');
    expect(isc.slice(0, 4)).toEqual([0, 0, 0, 0]);
    // Two channels up, each on with a probability that follows its trace ('sum': Isc = 1.2 k).
    expect(new Set(isc)).toEqual(new Set([0, f(1.2), f(2.4)]));
    const on = isc.filter((x) => x > 0).length;
    expect(on).toBeGreaterThan(duration * 0.25);
    expect(on).toBeLessThan(duration * 0.9);
    expect(chunk.spikes.R?.steps.length ?? 0).toBeGreaterThan(5);
  });

  const factories: [string, BackendFactory, number][] = [
    ['wasm', createWasmBackend, 17],
    ['gpu cpu, one step per call', (p) => createOnMode(p, 'cpu', { callLengths: [1] }), 60],
    [
      'gpu cpu, flat, calls of 16/4',
      (p) => createOnMode(p, 'cpu', { flatArrays: true, callLengths: [16, 4] }),
      13,
    ],
    ['gpu webasm, calls of 64/16/4', (p) => createOnMode(p, 'webasm', {}), 60],
    [
      'gpu webasm, flat, calls of 7',
      (p) => createOnMode(p, 'webasm', { flatArrays: true, callLengths: [7] }),
      23,
    ],
  ];
  for (const [label, factory, chunk] of factories) {
    it(`${label}: every spike and sample equal to the reference, bit for bit`, async () => {
      expectIdentical(await runChunks(factory, plan, chunk), await reference());
    });
  }
});
