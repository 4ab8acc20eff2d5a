/**
 * AdEx presets (Naud et al. 2008) on the reference backend: tonic, adapting, initial-burst and
 * regular-bursting patterns measured from the spike trains; the step against a double-precision
 * Euler integration with Math.exp; the clamp of the exponential; validation messages.
 */
import { describe, expect, it } from 'vitest';
import type { AdexParams } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { ADEX_PRESETS } from '../../../src/model/presets.ts';
import { ADEX_MAX_EXP_ARGUMENT, compileAdex } from '../../../src/engine/compile/classic-plans.ts';
import { exp32 } from '../../../src/engine/exp32.ts';
import { burstSizes, classicDocument, intervals } from './fixtures/classic-documents.ts';
import { runDocument, spikeStepsOf, traceOf } from './fixtures/run.ts';

const DT = 0.1;

function preset(id: string): { params: AdexParams; current: number } {
  const p = ADEX_PRESETS.find((q) => q.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

async function spikes(id: string, duration = 600): Promise<number[]> {
  const { params, current } = preset(id);
  const doc = classicDocument({ model: 'adex', params }, { amplitude: current, duration });
  return spikeStepsOf(await runDocument(doc), 'P');
}

describe('AdEx presets reproduce Naud et al. (2008)', () => {
  it('tonic: constant intervals from the first spike on', async () => {
    const isi = intervals(await spikes('tonic'), DT);
    expect(isi.length).toBeGreaterThan(20);
    expect(Math.max(...isi) / Math.min(...isi)).toBeLessThan(1.1);
  });

  it('adapting: intervals lengthen several-fold, then settle', async () => {
    const train = await spikes('adapting');
    const isi = intervals(train, DT);
    expect(burstSizes(train, DT, 8).every((n) => n === 1)).toBe(true);
    expect(isi.at(-1) ?? 0).toBeGreaterThan(3 * (isi[0] ?? Infinity));
    const [a, b] = isi.slice(-2);
    expect(Math.abs((a ?? 0) - (b ?? 0))).toBeLessThan(0.05 * (b ?? 0));
  });

  it('initial burst: 2+ spikes at onset, then single spikes at a steady rate', async () => {
    const train = await spikes('initial_burst');
    const sizes = burstSizes(train, DT, 20);
    expect(sizes[0]).toBeGreaterThanOrEqual(2);
    expect(sizes.length).toBeGreaterThan(4);
    expect(sizes.slice(1).every((n) => n === 1)).toBe(true);
  });

  it('regular bursting: repeated bursts, pauses far longer than intra-burst intervals', async () => {
    const train = await spikes('regular_bursting', 1000);
    const sizes = burstSizes(train, DT, 20);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(sizes.every((n) => n >= 2)).toBe(true);
    const isi = intervals(train, DT);
    const short = Math.max(...isi.filter((x) => x < 20));
    const long = Math.min(...isi.filter((x) => x >= 20));
    expect(long).toBeGreaterThan(10 * short);
  });
});

describe('AdEx step', () => {
  it('matches a double-precision Euler integration with Math.exp (adapting, 300 ms)', async () => {
    const { params: p, current } = preset('adapting');
    const doc = classicDocument(
      { model: 'adex', params: p },
      { amplitude: current, duration: 300 },
    );
    const chunk = await runDocument(doc);
    const train = spikeStepsOf(chunk, 'P');
    const v = traceOf(chunk, 'v');
    let x = p.e_l;
    let w = 0;
    const expected: number[] = [];
    const vExpected: number[] = [];
    for (let t = 0; t < 3000; t++) {
      const arg = Math.min((x - p.v_t) / p.delta_t, (p.v_peak - p.v_t) / p.delta_t);
      const dv = (-p.g_l * (x - p.e_l) + p.g_l * p.delta_t * Math.exp(arg) - w + current) / p.c;
      const dw = (p.a * (x - p.e_l) - w) / p.tau_w;
      x += DT * dv;
      w += DT * dw;
      if (x >= p.v_peak) {
        expected.push(t);
        x = p.v_reset;
        w += p.b;
      }
      vExpected.push(x);
    }
    expect(train.length).toBe(expected.length);
    train.forEach((s, k) => expect(Math.abs(s - (expected[k] ?? 0))).toBeLessThanOrEqual(1));
    for (let t = 0; t < (expected[0] ?? 0) - 5; t++)
      expect(v[t] ?? NaN).toBeCloseTo(vExpected[t] ?? NaN, 2);
  });

  it('clamps the exponential at the spike cut, or at 80 when the cut lies further out', () => {
    const tonic = preset('tonic').params;
    expect(compileAdex(tonic, 1, DT, 1, 0).xMax).toBe(Math.fround((0 - -50) / 2));
    const far = { ...tonic, v_peak: 500, delta_t: 0.5 };
    expect(compileAdex(far, 1, DT, 1, 0).xMax).toBe(ADEX_MAX_EXP_ARGUMENT);
    expect(Number.isFinite(exp32(ADEX_MAX_EXP_ARGUMENT) * Math.fround(10 * 0.5))).toBe(true);
  });

  it('spikes and resets with a spike cut far above V_T (clamped argument), v finite', async () => {
    const params: AdexParams = { ...preset('tonic').params, v_peak: 500, delta_t: 0.5 };
    const doc = classicDocument({ model: 'adex', params }, { amplitude: 500, duration: 200 });
    const chunk = await runDocument(doc);
    const train = spikeStepsOf(chunk, 'P');
    expect(train.length).toBeGreaterThan(5);
    for (const x of traceOf(chunk, 'v')) expect(Number.isFinite(x)).toBe(true);
  });

  it('holds v at reset for the refractory period while w keeps decaying', async () => {
    const params: AdexParams = { ...preset('tonic').params, refractory_period: 5 };
    const doc = classicDocument({ model: 'adex', params }, { amplitude: 500, duration: 100 });
    const chunk = await runDocument(doc);
    const train = spikeStepsOf(chunk, 'P');
    const v = traceOf(chunk, 'v');
    const first = train[0] ?? 0;
    for (let t = first; t < first + 50; t++) expect(v[t]).toBe(Math.fround(params.v_reset));
    expect(v[first + 50]).not.toBe(Math.fround(params.v_reset));
  });
});

describe('AdEx validation', () => {
  it('names a spike cut below V_T and a reset above the cut', () => {
    const params: AdexParams = { ...preset('tonic').params, v_peak: -55, v_reset: -40 };
    const result = validateDocument(classicDocument({ model: 'adex', params }, { amplitude: 1 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual({
        path: 'populations[0].params.v_peak',
        message: 'must be > v_t (-50 mV), got -55',
      });
      expect(result.issues).toContainEqual({
        path: 'populations[0].params.v_reset',
        message: 'must be < v_peak (-55 mV), got -40',
      });
    }
  });

  it('names a non-positive capacitance, slope factor and adaptation time constant', () => {
    const params: AdexParams = { ...preset('tonic').params, c: 0, delta_t: -1, tau_w: 0 };
    const result = validateDocument(classicDocument({ model: 'adex', params }, { amplitude: 1 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const messages = result.issues.map((i) => `${i.path}: ${i.message}`);
      expect(messages).toContain('populations[0].params.c: must be > 0, got 0');
      expect(messages).toContain('populations[0].params.delta_t: must be > 0, got -1');
      expect(messages).toContain('populations[0].params.tau_w: must be > 0, got 0');
    }
  });
});
