/**
 * The sweep's batched plan (`src/engine/sweep`): its structure, and every variant of a batch
 * recorded exactly as the same document run alone on the same backend (reference and wasm,
 * float, integer, Loihi, SC and plastic networks).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { mergePlans, SweepMergeError, variantId } from '../../../src/engine/sweep/merge-plans.ts';
import { splitChunk } from '../../../src/engine/sweep/split-chunk.ts';
import { writeParam } from '../../../src/model/param-path.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { example, expectBatchEqualsSingles, mixedNetwork } from './sweep-networks.ts';

const variants = (doc: NetworkDocument, path: string, values: number[]): NetworkDocument[] =>
  values.map((v) => writeParam(doc, path, v));

describe('mergePlans', () => {
  it('puts the variants side by side with every index shifted', () => {
    const docs = variants(mixedNetwork(), 'projections/PA/connectivity/p', [0.3, 0.6]);
    const plans = docs.map((d) => compile(d));
    const [a, b] = plans;
    if (!a || !b) throw new Error('two plans');
    const { plan, offsets } = mergePlans(plans);
    const P = a.populations.length;
    const C = a.channels.length;
    const R = a.projections.length;
    expect(offsets).toEqual([
      { populations: 0, channels: 0, projections: 0 },
      { populations: P, channels: C, projections: R },
    ]);
    expect(plan.populations.map((p) => p.id)).toEqual([
      ...a.populations.map((p) => variantId(0, p.id)),
      ...b.populations.map((p) => variantId(1, p.id)),
    ]);
    expect(plan.populations.map((p) => p.index)).toEqual([...Array(2 * P).keys()]);
    const second = plan.populations[P + 2];
    expect(second?.channels).toEqual(b.populations[2]?.channels.map((c) => c + C));
    expect(plan.channels[C]?.target).toBe((b.channels[0]?.target ?? -1) + P);
    const pr = plan.projections[R];
    expect(pr?.source).toBe((b.projections[0]?.source ?? -1) + P);
    expect(pr?.target).toBe((b.projections[0]?.target ?? -1) + P);
    expect(pr?.destination).toEqual({
      kind: 'current',
      channel:
        (b.projections[0]?.destination.kind === 'current'
          ? b.projections[0].destination.channel
          : -99) + C,
    });
    // The variants drew their own synapses (p differs), and the batch keeps each variant's.
    expect(pr?.csr.targets).toBe(b.projections[0]?.csr.targets);
    expect(pr?.csr.targets.length).toBeGreaterThan(a.projections[0]?.csr.targets.length ?? 0);
    const probe = plan.probes[a.probes.length];
    expect(probe).toMatchObject({ id: 'v1/sp-P', kind: 'spikes', population: P });
    expect(plan.estimatedBytes).toBe(a.estimatedBytes + b.estimatedBytes);
    // Pure: the variants' plans are unchanged.
    expect(b.populations[2]?.id).toBe('A');
    expect(b.projections[0]?.source).toBe(0);
  });

  it('shifts the populations a plan names inside models and rules', () => {
    const sc = mergePlans([compile(example('sc-two-layer')), compile(example('sc-two-layer'))]);
    const layer2 = sc.plan.populations[3]?.model;
    expect(
      layer2?.model === 'sc_dense' && layer2.inputs.kind === 'rates' && layer2.inputs.source,
    ).toBe(2);
    const rstdp = mergePlans([compile(example('rstdp')), compile(example('rstdp'))]);
    const rule = rstdp.plan.projections[1]?.plasticity?.rule;
    expect(rule?.rule === 'rstdp' && rule.reward.population).toBe(1 + 3);
  });

  it('refuses variants that step differently, naming dt and duration', () => {
    const doc = mixedNetwork();
    const plans = [compile(doc), compile(writeParam(doc, 'run/duration', 80))];
    expect(() => mergePlans(plans)).toThrow(SweepMergeError);
    expect(() => mergePlans(plans)).toThrow(
      /variant 1 runs 160 steps of 0.5 ms but variant 0 runs 120/,
    );
    expect(() => mergePlans([])).toThrow(/at least one variant/);
  });

  it('splits a batch chunk by variant and refuses a foreign key', () => {
    const empty = { steps: new Int32Array(), indices: new Uint32Array() };
    const chunk = {
      startStep: 5,
      steps: 3,
      spikes: { 'v0/A': empty, 'v1/A': empty, 'v1/x/y': empty },
      traces: {},
      counts: {},
      wallMs: 2,
    };
    const [c0, c1] = splitChunk(chunk, 2);
    expect(Object.keys(c0?.spikes ?? {})).toEqual(['A']);
    expect(Object.keys(c1?.spikes ?? {})).toEqual(['A', 'x/y']);
    expect(c1?.startStep).toBe(5);
    expect(() => splitChunk({ ...chunk, spikes: { A: empty } }, 2)).toThrow(/'A', no variant's id/);
  });
});

describe('a batch records each variant exactly as its single run', () => {
  it('float network on reference and wasm (stimulus amplitude swept)', async () => {
    const docs = variants(mixedNetwork(), 'stimuli/s1/amplitude', [0, 3, 9]);
    for (const backend of ['reference', 'wasm'] as const) {
      const totals = await expectBatchEqualsSingles(docs, backend);
      expect(new Set(totals).size, `${backend}: the amplitude changes the spikes`).toBe(3);
    }
  });

  it('variants of different structure (connection probability swept)', async () => {
    const docs = variants(mixedNetwork(), 'projections/PA/connectivity/p', [0.05, 0.3, 0.9]);
    const totals = await expectBatchEqualsSingles(docs, 'reference');
    expect(new Set(totals).size).toBe(3);
  });

  it('fixed-point LIF (integer arithmetic) on reference and wasm', async () => {
    const base = writeParam(example('fixed-point-lif'), 'run/duration', 100);
    const docs = variants(base, 'projections/input_fixed/weight/value', [0.04, 0.08, 0.16]);
    for (const backend of ['reference', 'wasm'] as const) {
      const totals = await expectBatchEqualsSingles(docs, backend, 150);
      expect(new Set(totals).size).toBe(3);
    }
  });

  it('Loihi (integer arithmetic) on reference and wasm', async () => {
    const docs = variants(
      example('loihi'),
      'populations/loihi/params/threshold_v_mant',
      [30, 70, 140],
    );
    for (const backend of ['reference', 'wasm'] as const) {
      const totals = await expectBatchEqualsSingles(docs, backend, 7);
      expect(new Set(totals).size).toBe(3);
    }
  });

  it('SC rates layers and R-STDP (indices inside models and rules) on reference', async () => {
    const sc = writeParam(example('sc-two-layer'), 'run/duration', 200);
    await expectBatchEqualsSingles(
      variants(sc, 'populations/layer2/params/tau_mem', [10, 20, 40]),
      'reference',
      50,
    );
    const rstdp = writeParam(example('rstdp'), 'run/duration', 600);
    const totals = await expectBatchEqualsSingles(
      variants(rstdp, 'projections/inputs_out/plasticity/reward/amount', [0, 0.5, 2]),
      'reference',
      250,
    );
    expect(totals.length).toBe(3);
  });
});
