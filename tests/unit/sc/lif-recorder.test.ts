/**
 * Tutorial sections 1 and 6: the stochastic LIF under constant current against the analytic
 * firing rate and a float64 simulation of the tutorial's equation; the recorder's statistics
 * and numpy.histogram semantics; the membrane noise's stationary variance.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BitstreamSpikeRecorder,
  createScLifState,
  histogram,
  scLifConstants,
  stepScLif,
} from '../../../src/engine/sc/index.ts';
import type { ScLifParams } from '../../../src/engine/sc/index.ts';
import { draw24, gaussianFromBits, gaussianTable, stepKey } from '../../../src/engine/random.ts';
import { mean } from './helpers.ts';

/** Drive one neuron with a constant current and record it. */
function runConstant(current: number, steps: number, params: Partial<ScLifParams> = {}) {
  const c = scLifConstants(params, 1, 12345);
  const state = createScLifState(1, c);
  const spikes = new Uint8Array(1);
  const rec = new BitstreamSpikeRecorder(1);
  for (let t = 0; t < steps; t++) {
    stepScLif(c, state, current, t, spikes);
    rec.record(spikes[0] ?? 0);
  }
  return rec;
}

describe('tutorial section 6: deterministic LIF at I = 0.08', () => {
  let rec = new BitstreamSpikeRecorder(1);
  beforeAll(() => {
    rec = runConstant(0.08, 5000);
  });
  const tIsi = -20 * Math.log(1 - 1 / (0.08 * 20)); // 19.6 ms
  const predictedHz = 1000 / tIsi;

  it('fires within 2% of the analytic rate 1000 / T_ISI', () => {
    expect(Math.abs(rec.firingRateHz() - predictedHz) / predictedHz).toBeLessThan(0.02);
    // Euler in discrete time: V_n = 1.6 (1 - 0.95^n) first reaches 1 at n = 20, so exactly 50 Hz.
    expect(rec.totalSpikes()).toBe(250);
  });

  it('has its ISI histogram peak within 1 ms of the predicted interval', () => {
    const { counts, edges } = rec.isiHistogram(15);
    const peak = counts.indexOf(Math.max(...counts));
    expect(Math.abs((edges[peak] as number) - tIsi)).toBeLessThan(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(249);
  });

  it('a 5 ms refractory period holds the neuron 4 steps after each spike (ISI 24)', () => {
    const times = runConstant(0.08, 500, { refractoryPeriod: 5 }).spikeTimesMs();
    expect(times[0]).toBe(19);
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual(
      new Array<number>(times.length - 1).fill(24),
    );
  });
});

describe('tutorial section 1: 200 steps at I = 0.08', () => {
  it('spikes exactly when a float64 simulation of the tutorial equation does', () => {
    const rec = runConstant(0.08, 200);
    const expected: number[] = [];
    let v = 0;
    for (let t = 0; t < 200; t++) {
      v = v - ((v - 0) / 20) * 1 + 1 * 0.08 * 1;
      expected.push(v >= 1 ? 1 : 0);
      if (v >= 1) v = 0;
    }
    expect(Array.from(rec.asArray())).toEqual(expected);
    expect(rec.totalSpikes()).toBe(10);
    expect(rec.firingRateHz()).toBe(50);
  });
});

describe('float32 per operation (CONTEXT.md step 2) with noise', () => {
  it('matches the spec written out operation by operation', () => {
    const f = Math.fround;
    const params = { noiseStd: 0.3, tauMem: 15, resistance: 2, vRest: -0.1 };
    const c = scLifConstants(params, 0.5, 777);
    const state = createScLifState(3, c);
    const spikes = new Uint8Array(3);
    const table = gaussianTable();
    const v = [f(-0.1), f(-0.1), f(-0.1)];
    const leak = f(0.5 / 15);
    const rdt = f(2 * 0.5);
    for (let t = 0; t < 300; t++) {
      const current = f(0.02 + 0.3 * Math.sin(t / 7));
      stepScLif(c, state, current, t, spikes, table);
      for (let j = 0; j < 3; j++) {
        const vj = v[j] as number;
        const a = f(vj - f(-0.1));
        const b = f(a * leak);
        const cc = f(vj - b);
        const d = f(rdt * current);
        let next = f(cc + d);
        next = f(next + f(f(0.3) * gaussianFromBits(draw24(stepKey(777, t), j), table)));
        const fired = next >= 1;
        v[j] = fired ? 0 : next;
        expect(spikes[j]).toBe(fired ? 1 : 0);
      }
      expect(Array.from(state.v)).toEqual(v);
    }
  });
});

describe('membrane noise', () => {
  it('is independent per neuron with the stationary variance s^2 / (1 - (1 - dt/tau)^2)', () => {
    const n = 4000;
    const sigma = 0.1;
    const c = scLifConstants({ noiseStd: sigma, vThreshold: 1e9 }, 1, 4242);
    const state = createScLifState(n, c);
    const spikes = new Uint8Array(n);
    for (let t = 0; t < 300; t++) stepScLif(c, state, 0, t, spikes);
    const v = Array.from(state.v);
    const m = mean(v);
    const variance = mean(v.map((x) => (x - m) ** 2));
    const expected = sigma ** 2 / (1 - 0.95 ** 2);
    // Relative SE of a variance of 4000 samples: sqrt(2/4000) = 2.2%.
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.1);
    expect(Math.abs(m)).toBeLessThan(4 * Math.sqrt(expected / n));
    let cross = 0;
    for (let j = 0; j + 1 < n; j++) cross += ((v[j] as number) - m) * ((v[j + 1] as number) - m);
    expect(Math.abs(cross / (n - 1) / variance)).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('numpy.histogram semantics', () => {
  it('equal-width bins from min to max, the last bin closed', () => {
    expect(histogram([1, 2, 2, 3, 10], 3)).toEqual({ counts: [4, 0, 1], edges: [1, 4, 7, 10] });
    expect(histogram([0, 1, 2], 2)).toEqual({ counts: [1, 2], edges: [0, 1, 2] });
  });

  it('widens a single value by 0.5 each way, and uses [0, 1] when empty', () => {
    expect(histogram([5, 5], 2)).toEqual({ counts: [0, 2], edges: [4.5, 5, 5.5] });
    expect(histogram([], 4)).toEqual({ counts: [0, 0, 0, 0], edges: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('reproduces numpy 2.4 to the last bit, including values on floating-point edges', () => {
    // Expected values printed by numpy.histogram (numpy 2.4.6). 0.7 lies just below the 8th
    // edge, 0.7000000000000001, so it lands in bin 6.
    expect(histogram([0, 0.1, 0.2, 0.30000000000000004, 0.7, 1], 10)).toEqual({
      counts: [1, 1, 1, 1, 0, 0, 1, 0, 0, 1],
      edges: [
        0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8,
        0.9, 1,
      ],
    });
    expect(histogram([0.3, 0.7, 0.6, 0.1, 0.2], 10)).toEqual({
      counts: [1, 1, 0, 1, 0, 0, 0, 0, 1, 1],
      edges: [
        0.1, 0.16, 0.22, 0.28, 0.33999999999999997, 0.4, 0.45999999999999996, 0.52, 0.58, 0.64, 0.7,
      ],
    });
    expect(histogram([19, 20, 20, 21, 25, 19.5], 4)).toEqual({
      counts: [4, 1, 0, 1],
      edges: [19, 20.5, 22, 23.5, 25],
    });
  });
});

describe('BitstreamSpikeRecorder', () => {
  it('counts spikes, rates in Hz for its dt, and ISIs in ms', () => {
    const rec = new BitstreamSpikeRecorder(0.5);
    for (let t = 0; t < 200; t++) rec.record(t % 20 === 3);
    expect(rec.length).toBe(200);
    expect(rec.totalSpikes()).toBe(10);
    expect(rec.firingRateHz()).toBe(100); // 10 spikes in 100 ms
    expect(rec.spikeTimesMs().slice(0, 2)).toEqual([1.5, 11.5]);
    expect(rec.isiHistogram(1)).toEqual({ counts: [9], edges: [9.5, 10.5] });
    rec.reset();
    expect(rec.firingRateHz()).toBe(0);
  });
});
