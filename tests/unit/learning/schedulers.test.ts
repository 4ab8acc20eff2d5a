/**
 * The schedulers at chosen steps, against values worked from sc-neurocore's formulas by hand
 * (cos(pi/4) = sqrt(2)/2, cos(pi/2) = 0, ...), and their spec checks.
 */
import { describe, expect, it } from 'vitest';
import {
  ConstantScheduler,
  CosineScheduler,
  ExponentialScheduler,
  StepScheduler,
  WarmupCosineScheduler,
  createScheduler,
  schedulerProblems,
} from '../../../src/engine/learning/schedulers.ts';
import type { Scheduler } from '../../../src/engine/learning/schedulers.ts';

/** The rate after each of `n` steps. */
function rates(s: Scheduler, n: number): number[] {
  return Array.from({ length: n }, () => s.step());
}

describe('StepScheduler', () => {
  it('multiplies by gamma at every multiple of step_size', () => {
    const s = new StepScheduler(1, 3, 0.5);
    expect(s.lr).toBe(1);
    expect(rates(s, 7)).toEqual([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });
  it('reset restarts the count but keeps the decayed rate (as the seed)', () => {
    const s = new StepScheduler(1, 2, 0.1);
    rates(s, 3); // drop at step 2, count 3
    s.reset();
    expect(s.lr).toBeCloseTo(0.1, 15);
    // Without the reset the next drop would come at count 4, i.e. the very next step.
    expect(s.step()).toBeCloseTo(0.1, 15);
    expect(s.step()).toBeCloseTo(0.01, 15);
  });
});

describe('ExponentialScheduler', () => {
  it('is lr * gamma^t at step t', () => {
    const s = new ExponentialScheduler(0.2, 0.9);
    const got = rates(s, 10);
    expect(got[0]).toBeCloseTo(0.18, 14);
    expect(got[9]).toBeCloseTo(0.2 * 0.9 ** 10, 14);
    s.reset();
    expect(s.lr).toBeCloseTo(0.2 * 0.9 ** 10, 14);
  });
});

describe('CosineScheduler', () => {
  it('follows half a cosine from lr to lr_min, then holds lr_min', () => {
    const s = new CosineScheduler(1, 0.2, 4);
    const got = rates(s, 6);
    // t = 1/4: 0.2 + 0.4 (1 + sqrt2/2); t = 1/2: 0.6; t = 3/4: 0.2 + 0.4 (1 - sqrt2/2); then 0.2.
    expect(got[0]).toBeCloseTo(0.2 + 0.4 * (1 + Math.SQRT1_2), 14);
    expect(got[1]).toBeCloseTo(0.6, 14);
    expect(got[2]).toBeCloseTo(0.2 + 0.4 * (1 - Math.SQRT1_2), 14);
    expect(got[3]).toBeCloseTo(0.2, 14);
    expect(got[4]).toBeCloseTo(0.2, 14);
    expect(got[5]).toBeCloseTo(0.2, 14);
    s.reset();
    expect(s.lr).toBe(1);
    expect(s.step()).toBeCloseTo(got[0] ?? NaN, 14);
  });
});

describe('WarmupCosineScheduler', () => {
  it('rises linearly from 0 over the warmup, then decays by the cosine to lr_min', () => {
    const s = new WarmupCosineScheduler(0.8, 0, 4, 8);
    expect(s.lr).toBe(0);
    const got = rates(s, 10);
    expect(got.slice(0, 4)).toEqual([0.2, 0.4, 0.6000000000000001, 0.8]);
    // After the warmup t = (count - 4) / 4: 1/4 -> 0.4 (1 + sqrt2/2), 1/2 -> 0.4, 1 -> 0.
    expect(got[4]).toBeCloseTo(0.4 * (1 + Math.SQRT1_2), 14);
    expect(got[5]).toBeCloseTo(0.4, 14);
    expect(got[7]).toBeCloseTo(0, 14);
    expect(got[9]).toBeCloseTo(0, 14);
    s.reset();
    expect(s.lr).toBe(0);
    expect(s.step()).toBeCloseTo(0.2, 15);
  });
});

describe('createScheduler', () => {
  it('builds each kind from its spec', () => {
    expect(createScheduler({ kind: 'constant' }, 0.3)).toBeInstanceOf(ConstantScheduler);
    const step = createScheduler({ kind: 'step', step_size: 1, gamma: 0.5 }, 2);
    expect(rates(step, 2)).toEqual([1, 0.5]);
    const exp = createScheduler({ kind: 'exponential', gamma: 0.5 }, 2);
    expect(rates(exp, 2)).toEqual([1, 0.5]);
    const cos = createScheduler({ kind: 'cosine', lr_min: 0, total_steps: 2 }, 2);
    expect(rates(cos, 2).map((v) => +v.toFixed(12))).toEqual([1, 0]);
    const warm = createScheduler(
      { kind: 'warmup_cosine', lr_min: 0, warmup_steps: 1, total_steps: 3 },
      2,
    );
    expect(rates(warm, 3).map((v) => +v.toFixed(12))).toEqual([2, 1, 0]);
    const constant = createScheduler({ kind: 'constant' }, 0.3);
    expect(rates(constant, 3)).toEqual([0.3, 0.3, 0.3]);
  });

  it('lists every problem of a bad spec, by field', () => {
    expect(schedulerProblems({ kind: 'step', step_size: 0, gamma: NaN })).toEqual([
      'step_size must be a whole number >= 1, got 0',
      'gamma must be a finite number, got NaN',
    ]);
    expect(
      schedulerProblems({ kind: 'warmup_cosine', lr_min: 0, warmup_steps: 5, total_steps: 5 }),
    ).toEqual(['total_steps (5) must exceed warmup_steps (5)']);
    expect(() => createScheduler({ kind: 'cosine', lr_min: 0, total_steps: 1.5 }, 0.1)).toThrow(
      /scheduler cosine: total_steps must be a whole number >= 1, got 1.5/,
    );
    expect(() => createScheduler({ kind: 'constant' }, Infinity)).toThrow(
      /the learning rate must be finite/,
    );
  });
});
