/**
 * Step 3's measurement: the incremental error sweep and the log-log fit. The fit is checked on
 * exact power laws; the sweep against the binomial law sqrt(E[p (1 - p)] / L) and the slopes
 * the lesson tells students to expect.
 */
import { describe, expect, it } from 'vitest';
import {
  bernoulliTheory,
  createErrorSweep,
  trialError,
  trialInputs,
} from '../../../src/app/learn/sc/error-sweep.ts';
import { fitPowerLaw, powerLawAt } from '../../../src/app/learn/sc/power-law.ts';
import { powersOfTwo } from '../../../src/app/learn/sc/length-scale.ts';

describe('fitPowerLaw', () => {
  it('recovers slope and prefactor of an exact power law', () => {
    const xs = [8, 64, 512, 4096];
    const law = fitPowerLaw(
      xs,
      xs.map((x) => 0.37 * x ** -0.5),
    );
    expect(law.slope).toBeCloseTo(-0.5, 12);
    expect(law.prefactor).toBeCloseTo(0.37, 12);
    expect(law.points).toBe(4);
    expect(powerLawAt(law, [100])[0]).toBeCloseTo(0.037, 12);
    expect(fitPowerLaw([1, 10, 100], [5, 0.5, 0.05]).slope).toBeCloseTo(-1, 12);
  });

  it('skips points without a logarithm and needs two', () => {
    const law = fitPowerLaw([1, 2, 4, 8, 16], [1, 0, Number.NaN, 1 / 8, 1 / 16]);
    expect(law.points).toBe(3);
    expect(law.slope).toBeCloseTo(-1, 12);
    expect(fitPowerLaw([4], [2]).slope).toBeNaN();
    expect(fitPowerLaw([4, 4], [2, 3]).slope).toBeNaN();
  });
});

describe('trials', () => {
  it('draw inputs in [0, 1), the same every time, different per trial', () => {
    const seen = new Set<number>();
    for (let t = 0; t < 500; t++) {
      const { x, w } = trialInputs(t);
      for (const v of [x, w]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
      }
      seen.add(x);
      expect(trialInputs(t)).toEqual({ x, w });
    }
    expect(seen.size).toBe(500);
    // Uniform: the mean of x w over many trials is near E[x] E[w] = 1/4.
    const mean = Array.from({ length: 4000 }, (_, t) => trialInputs(t)).reduce(
      (a, { x, w }) => a + x * w,
      0,
    );
    expect(Math.abs(mean / 4000 - 0.25)).toBeLessThan(0.01);
  });

  it('measure the estimate minus the exact value', () => {
    // A 1-bit "stream" can only say 0 or 1, so its error is -x w or 1 - x w.
    const e = trialError('bernoulli', 'product', 1, 3);
    const { x, w } = trialInputs(3);
    expect([-x * w, 1 - x * w].some((v) => Math.abs(v - e) < 1e-12)).toBe(true);
  });
});

describe('the sweep', () => {
  const lengths = powersOfTwo(4, 12);

  it('Bernoulli: RMS error follows sqrt(E[p(1-p)] / L), slope -0.5', () => {
    const sweep = createErrorSweep({
      generators: ['bernoulli'],
      lengths,
      trials: 200,
      measure: 'product',
    });
    while (!sweep.done()) sweep.advance(50);
    const rms = sweep.curves[0]?.rms ?? [];
    // 200 trials: the RMS has a relative spread of about 1/sqrt(2 * 200) = 5% (plus the spread
    // of p over the trials' inputs); 20% is four of those.
    lengths.forEach((L, i) => {
      expect(Math.abs((rms[i] as number) / bernoulliTheory('product', L) - 1)).toBeLessThan(0.2);
    });
    const slope = fitPowerLaw(lengths, rms).slope;
    expect(slope).toBeGreaterThan(-0.55);
    expect(slope).toBeLessThan(-0.45);
  });

  it('Sobol and LFSR encode x alone with error falling like 1/L', () => {
    const sweep = createErrorSweep({
      generators: ['sobol', 'lfsr'],
      lengths,
      trials: 50,
      measure: 'value',
    });
    while (!sweep.done()) sweep.advance(50);
    for (const curve of sweep.curves) {
      expect(fitPowerLaw(lengths, curve.rms).slope).toBeLessThan(-0.85);
    }
  });

  it('Sobol multiplies with error falling much faster than Bernoulli', () => {
    const sweep = createErrorSweep({
      generators: ['bernoulli', 'sobol'],
      lengths,
      trials: 50,
      measure: 'product',
    });
    while (!sweep.done()) sweep.advance(50);
    const [bern, sobol] = sweep.curves.map((c) => fitPowerLaw(lengths, c.rms).slope);
    expect(sobol as number).toBeLessThan(-0.8);
    expect(sobol as number).toBeLessThan((bern as number) - 0.3);
  });

  it('works in budgeted slices, progress rising by bits to 1', () => {
    const sweep = createErrorSweep({
      generators: ['bernoulli', 'sobol'],
      lengths: [8, 64],
      trials: 10,
      measure: 'product',
    });
    // A clock that ticks 1 ms per reading: a 3 ms budget allows a few trials per slice.
    let now = 0;
    const clock = () => now++;
    let last = 0;
    let slices = 0;
    expect(sweep.progress()).toBe(0);
    while (!sweep.done()) {
      sweep.advance(3, clock);
      slices++;
      const p = sweep.progress();
      expect(p).toBeGreaterThan(last);
      last = p;
    }
    expect(last).toBe(1);
    // 40 trials, at most 3 per slice, at least 1.
    expect(slices).toBeGreaterThanOrEqual(14);
    expect(slices).toBeLessThanOrEqual(40);
    for (const c of sweep.curves) expect(c.rms.every(Number.isFinite)).toBe(true);
    sweep.advance(3, clock);
    expect(sweep.progress()).toBe(1);
  });

  it('leaves unmeasured lengths as NaN while it runs', () => {
    const sweep = createErrorSweep({
      generators: ['bernoulli'],
      lengths: [8, 16],
      trials: 4,
      measure: 'product',
    });
    let now = 0;
    sweep.advance(0, () => now++);
    expect(sweep.curves[0]?.rms.every((v) => Number.isNaN(v))).toBe(true);
    expect(sweep.progress()).toBeCloseTo(8 / (4 * 24), 12);
  });

  it('rejects a sweep without trials and finishes an empty one at once', () => {
    expect(() =>
      createErrorSweep({ generators: ['sobol'], lengths: [8], trials: 0, measure: 'value' }),
    ).toThrow(/trials/);
    const empty = createErrorSweep({
      generators: ['sobol'],
      lengths: [],
      trials: 5,
      measure: 'value',
    });
    expect(empty.done()).toBe(true);
    expect(empty.progress()).toBe(1);
  });
});
