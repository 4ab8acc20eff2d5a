/**
 * Izhikevich (2003) presets on the reference backend: each must show its published firing
 * pattern, measured from the spike train (not set up by construction), and the step must agree
 * with an independent double-precision Euler integration of the same equations.
 */
import { describe, expect, it } from 'vitest';
import type { IzhikevichParams } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { IZHIKEVICH_PRESETS } from '../../../src/model/presets.ts';
import { burstSizes, classicDocument, intervals } from './fixtures/classic-documents.ts';
import { runDocument, spikeStepsOf, traceOf } from './fixtures/run.ts';

const DT = 0.1;

function preset(id: string): { params: IzhikevichParams; current: number } {
  const p = IZHIKEVICH_PRESETS.find((q) => q.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

async function spikes(id: string, duration = 500): Promise<number[]> {
  const { params, current } = preset(id);
  const doc = classicDocument({ model: 'izhikevich', params }, { amplitude: current, duration });
  return spikeStepsOf(await runDocument(doc), 'P');
}

describe('Izhikevich presets reproduce the published patterns (I = 10)', () => {
  it('RS: tonic spikes with spike-frequency adaptation (intervals lengthen)', async () => {
    const isi = intervals(await spikes('rs'), DT);
    expect(isi.length).toBeGreaterThan(5);
    expect(burstSizes(await spikes('rs'), DT, 10).every((n) => n === 1)).toBe(true);
    expect(isi.at(-1) ?? 0).toBeGreaterThan(1.5 * (isi[0] ?? Infinity));
  });

  it('FS: tonic at high rate, no adaptation', async () => {
    const train = await spikes('fs');
    const isi = intervals(train, DT).slice(3);
    const rate = (train.length / 500) * 1000;
    expect(rate).toBeGreaterThan(100);
    const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
    for (const x of isi) expect(Math.abs(x - mean)).toBeLessThan(0.1 * mean);
    // Steady intervals within 25% of the first one: no RS-like lengthening.
    expect(isi.at(-1) ?? 0).toBeLessThan(1.25 * (intervals(train, DT)[0] ?? 0) + 3);
  });

  it('CH: repeated bursts of 2+ spikes, intra-burst intervals far shorter than between bursts', async () => {
    const train = await spikes('ch');
    const sizes = burstSizes(train, DT, 10);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(sizes.every((n) => n >= 2)).toBe(true);
    const isi = intervals(train, DT);
    const short = Math.max(...isi.filter((x) => x < 10));
    const long = Math.min(...isi.filter((x) => x >= 10));
    expect(long).toBeGreaterThan(5 * short);
  });

  it('IB: an initial burst, then tonic single spikes', async () => {
    const sizes = burstSizes(await spikes('ib'), DT, 10);
    expect(sizes[0]).toBeGreaterThanOrEqual(2);
    expect(sizes.length).toBeGreaterThan(4);
    expect(sizes.slice(1).every((n) => n === 1)).toBe(true);
  });

  it('LTS: fast onset that adapts, without bursts', async () => {
    const train = await spikes('lts');
    const isi = intervals(train, DT);
    expect(isi[0] ?? Infinity).toBeLessThan(5);
    expect(isi.at(-1) ?? 0).toBeGreaterThan(2 * (isi[0] ?? Infinity));
  });
});

describe('Izhikevich step', () => {
  it('matches a double-precision Euler integration of the same equations (RS, 200 ms)', async () => {
    const { params, current } = preset('rs');
    const doc = classicDocument(
      { model: 'izhikevich', params },
      { amplitude: current, duration: 200 },
    );
    const chunk = await runDocument(doc);
    const v = traceOf(chunk, 'v');
    const train = spikeStepsOf(chunk, 'P');
    let x = -65;
    let u = params.b * x;
    const expected: number[] = [];
    const vExpected: number[] = [];
    for (let t = 0; t < 2000; t++) {
      const dv = 0.04 * x * x + 5 * x + 140 - u + current;
      const du = params.a * (params.b * x - u);
      x += DT * dv;
      u += DT * du;
      if (x >= 30) {
        expected.push(t);
        x = params.c;
        u += params.d;
      }
      vExpected.push(x);
    }
    expect(train.length).toBe(expected.length);
    train.forEach((s, k) => expect(Math.abs(s - (expected[k] ?? 0))).toBeLessThanOrEqual(1));
    // Before the first spike the two agree to float32 rounding.
    for (let t = 0; t < (expected[0] ?? 0); t++)
      expect(v[t] ?? NaN).toBeCloseTo(vExpected[t] ?? NaN, 3);
  });

  it('starts at u = b * v_init: at rest with no input, v stays near its fixed point', async () => {
    const params: IzhikevichParams = {
      ...preset('rs').params,
      v_init: { kind: 'constant', value: -70 },
    };
    const doc = classicDocument({ model: 'izhikevich', params }, { amplitude: 0, duration: 300 });
    const chunk = await runDocument(doc);
    expect(spikeStepsOf(chunk, 'P')).toEqual([]);
    // Resting point of RS: 0.04 v^2 + 4.8 v + 140 = 0 -> v = -70 exactly.
    expect(traceOf(chunk, 'v').at(-1) ?? NaN).toBeCloseTo(-70, 2);
  });

  it('a delta projection adds its weight to v in the step of the spike', async () => {
    const { params } = preset('rs');
    const doc = classicDocument({ model: 'izhikevich', params }, { amplitude: 0, duration: 100 });
    doc.populations.push({
      id: 'G',
      size: 1,
      position: { x: 0, y: 0 },
      model: 'spike_generator',
      params: { indices: [0], times: [10], period: 0 },
    });
    doc.projections.push({
      id: 'kick',
      source: 'G',
      target: 'P',
      connectivity: { rule: 'one_to_one' },
      weight: { kind: 'constant', value: 40 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'delta' },
    });
    const chunk = await runDocument(doc);
    // A 40 mV kick from rest (-70) crosses the quadratic's unstable point and fires.
    const train = spikeStepsOf(chunk, 'P');
    expect(train.length).toBe(1);
    expect(train[0] ?? 0).toBeGreaterThan(100);
    const v = traceOf(chunk, 'v');
    // The jump between the samples of steps 99 and 100 is the 40 mV weight plus one Euler step.
    expect((v[100] ?? NaN) - (v[99] ?? NaN)).toBeCloseTo(40, 0);
    expect((v[99] ?? NaN) - (v[98] ?? NaN)).toBeCloseTo(0, 1);
  });
});

describe('Izhikevich validation', () => {
  it('names a reset at or above the 30 mV spike cut', () => {
    const params: IzhikevichParams = { ...preset('rs').params, c: 30 };
    const result = validateDocument(
      classicDocument({ model: 'izhikevich', params }, { amplitude: 10 }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({
        path: 'populations[0].params.c',
        message: 'must be < 30 mV (the spike cut of the model), got 30',
      });
  });

  it('names a missing parameter and a negative noise', () => {
    const doc = classicDocument(
      { model: 'izhikevich', params: preset('fs').params },
      { amplitude: 10 },
    );
    const raw = JSON.parse(JSON.stringify(doc)) as {
      populations: { params: Record<string, unknown> }[];
    };
    const p = raw.populations[0];
    if (!p) throw new Error('no population');
    delete p.params.a;
    p.params.noise_std = -1;
    const result = validateDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.issues.map((i) => i.path);
      expect(paths).toContain('populations[0].params.a');
      expect(paths).toContain('populations[0].params.noise_std');
    }
  });
});

describe('probes of the adaptation variable', () => {
  it('u starts at b * v_init, drifts by a * (b v - u) per ms and jumps by d at each spike', async () => {
    const { params, current } = preset('rs');
    const doc = classicDocument(
      { model: 'izhikevich', params },
      { amplitude: current, duration: 100 },
    );
    doc.probes.push({ id: 'u', kind: 'state', population: 'P', variable: 'u', neurons: [0] });
    const chunk = await runDocument(doc);
    const u = traceOf(chunk, 'u');
    const v = traceOf(chunk, 'v');
    const f = Math.fround;
    // Step 0 from v = -65, u = b * v = -13: u' = a (b v - u) = 0, so u stays -13 exactly.
    expect(u[0]).toBe(f(f(0.2) * -65));
    const first = spikeStepsOf(chunk, 'P')[0] ?? 0;
    expect(first).toBeGreaterThan(0);
    const before = u[first - 1] ?? NaN;
    const vBefore = v[first - 1] ?? NaN;
    const drift = f(f(0.02 * 0.1) * f(f(f(0.2) * vBefore) - before));
    expect(u[first]).toBe(f(f(before + drift) + 8));
  });

  it('refuses u on an AdEx population and w on an Izhikevich one', () => {
    const doc = classicDocument(
      { model: 'izhikevich', params: preset('rs').params },
      { amplitude: 10 },
    );
    doc.probes.push({ id: 'w', kind: 'state', population: 'P', variable: 'w', neurons: [0] });
    const result = validateDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({
        path: 'probes[2].variable',
        message:
          'w is the adaptation variable of adex populations; population "P" has model izhikevich',
      });
  });
});
