/**
 * `runSweep`: the values of a range, the variant documents, and each point's rate and CV
 * against the same document run alone; progress and cancel.
 */
import { describe, expect, it } from 'vitest';
import { runDocument } from './fixtures/run.ts';
import { runSweep, SweepCancelledError } from '../../../src/engine/sweep/run-sweep.ts';
import { sweepValues } from '../../../src/engine/sweep/sweep-values.ts';
import { SWEEP_PROBE_ID, variantDocuments } from '../../../src/engine/sweep/variants.ts';
import { SpikeStats } from '../../../src/engine/sweep/measure.ts';
import { writeParam } from '../../../src/model/param-path.ts';
import { mixedNetwork } from './sweep-networks.ts';

describe('sweep values and variants', () => {
  it('spaces a range evenly, ending exactly at `to`, and checks it', () => {
    expect(sweepValues({ kind: 'range', from: 0, to: 1, count: 3 })).toEqual([0, 0.5, 1]);
    expect(sweepValues({ kind: 'range', from: 0.1, to: 0.7, count: 7 }).at(-1)).toBe(0.7);
    expect(sweepValues({ kind: 'range', from: 2, to: 9, count: 1 })).toEqual([2]);
    expect(sweepValues({ kind: 'list', values: [3, 1] })).toEqual([3, 1]);
    expect(() => sweepValues({ kind: 'range', from: 0, to: 1, count: 0 })).toThrow(/whole number/);
    expect(() => sweepValues({ kind: 'range', from: 0, to: 1, count: 257 })).toThrow(/at most 256/);
    expect(() => sweepValues({ kind: 'list', values: [] })).toThrow(/at least one/);
    expect(() => sweepValues({ kind: 'list', values: [1, NaN] })).toThrow(/NaN is not a finite/);
  });

  it('writes the value through the path and adds a spikes probe only where none is', () => {
    const doc = mixedNetwork();
    const [a, b] = variantDocuments(doc, 'stimuli/s1/amplitude', [1, 2], 'G');
    expect(a?.stimuli[0]).toMatchObject({ kind: 'current_step', amplitude: 1 });
    expect(b?.stimuli[0]).toMatchObject({ kind: 'current_step', amplitude: 2 });
    expect(a?.probes.at(-1)).toEqual({ id: SWEEP_PROBE_ID, kind: 'spikes', population: 'G' });
    const own = variantDocuments(doc, 'stimuli/s1/amplitude', [1], 'A')[0];
    expect(own?.probes).toEqual(doc.probes);
    expect(() => variantDocuments(doc, 'stimuli/s1/amplitude', [1], 'Z')).toThrow(/'Z': no such/);
    expect(() => variantDocuments(doc, 'stimuli/nope/amplitude', [1], 'A')).toThrow(/nope/);
  });

  it('measures the pooled ISI CV (regular firing 0, none with fewer than two ISIs)', () => {
    const regular = new SpikeStats(2);
    regular.add({ steps: Int32Array.of(0, 1, 10, 11, 20), indices: Uint32Array.of(0, 1, 0, 1, 0) });
    expect(regular.cv()).toBe(0);
    const mixed = new SpikeStats(1);
    mixed.add({ steps: Int32Array.of(0, 10), indices: Uint32Array.of(0, 0) });
    expect(mixed.cv()).toBeNull();
    mixed.add({ steps: Int32Array.of(40), indices: Uint32Array.of(0) });
    // ISIs 10 and 30: mean 20, std 10.
    expect(mixed.cv()).toBeCloseTo(0.5, 12);
    expect(mixed.count).toBe(3);
  });
});

describe('runSweep', () => {
  const doc = mixedNetwork(40);
  const spec = {
    path: 'stimuli/s1/amplitude',
    range: { kind: 'range' as const, from: 0, to: 8, count: 3 },
    population: 'A',
  };

  it('gives each point the rate and CV of the single run, with progress', async () => {
    const progress: number[] = [];
    const result = await runSweep(doc, spec, {
      backend: 'reference',
      chunkSteps: 30,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(result.backend).toBe('reference');
    expect(progress).toEqual([30 / 80, 60 / 80, 1]);
    expect(result.points.map((p) => p.value)).toEqual([0, 4, 8]);
    for (const point of result.points) {
      const single = await runDocument(writeParam(doc, spec.path, point.value));
      const block = single.spikes.A;
      if (!block) throw new Error('A has a spikes probe');
      expect(point.spikeCount).toBe(block.steps.length);
      expect(point.rate).toBeCloseTo(block.steps.length / (24 * 0.04), 9);
      const stats = new SpikeStats(24);
      stats.add(block);
      expect(point.cv).toBe(stats.cv());
      expect(point.raster.steps).toEqual(block.steps);
      expect(point.rasterTruncated).toBe(false);
    }
    const rates = result.points.map((p) => p.rate);
    expect(rates[2]).toBeGreaterThan(rates[0] ?? Infinity);
  });

  it('keeps at most rasterSpikeLimit spikes for the raster but counts all', async () => {
    const result = await runSweep(doc, spec, { backend: 'reference', rasterSpikeLimit: 5 });
    const last = result.points[2];
    expect(last?.raster.steps.length).toBe(5);
    expect(last?.rasterTruncated).toBe(true);
    expect(last?.spikeCount).toBeGreaterThan(5);
  });

  it('stops with SweepCancelledError when the signal aborts', async () => {
    const controller = new AbortController();
    const run = runSweep(doc, spec, {
      backend: 'reference',
      chunkSteps: 10,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 20) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(SweepCancelledError);
  });

  it('reads an abort that arrives as a later task (a worker Cancel message)', async () => {
    const controller = new AbortController();
    const steps: number[] = [];
    const run = runSweep(mixedNetwork(400), spec, {
      backend: 'reference',
      chunkSteps: 10,
      signal: controller.signal,
      onProgress: (done) => steps.push(done),
    });
    setTimeout(() => controller.abort(), 0);
    await expect(run).rejects.toBeInstanceOf(SweepCancelledError);
    expect(steps.at(-1)).toBeLessThan(800);
  });
});
