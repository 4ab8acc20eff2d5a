import { describe, expect, it } from 'vitest';
import { clickGain, scheduleClicks } from '../../../src/app/audio/click-schedule.ts';

describe('spike clicks of a chunk', () => {
  it('puts each spike at its own time within the chunk, merging spikes of one step', () => {
    // 100 steps spread over 0.1 s from t = 2: step 130 is 30 % of the way.
    const clicks = scheduleClicks([100, 130, 130, 130, 199], {
      fromStep: 100,
      toStep: 200,
      startAt: 2,
      span: 0.1,
    });
    expect(clicks.map((c) => c.spikes)).toEqual([1, 3, 1]);
    expect(clicks[0]?.at).toBeCloseTo(2, 12);
    expect(clicks[1]?.at).toBeCloseTo(2.03, 12);
    expect(clicks[2]?.at).toBeCloseTo(2.099, 12);
  });

  it('ignores spikes outside the chunk', () => {
    const clicks = scheduleClicks([5, 10, 19, 20], {
      fromStep: 10,
      toStep: 20,
      startAt: 0,
      span: 1,
    });
    expect(clicks.map((c) => c.spikes)).toEqual([1, 1]);
    expect(clicks.map((c) => c.at)).toEqual([0, 0.9]);
  });

  it('caps a 1,000 Hz population at maxPerBin clicks per 10 ms, keeping every spike in the loudness', () => {
    // dt 0.1 ms, one spike every step for 50 ms of real time: 500 spikes in 5 bins of 10 ms.
    const steps = Array.from({ length: 500 }, (_, k) => k);
    const clicks = scheduleClicks(steps, {
      fromStep: 0,
      toStep: 500,
      startAt: 0,
      span: 0.05,
      maxPerBin: 3,
    });
    expect(clicks).toHaveLength(15);
    expect(clicks.reduce((n, c) => n + c.spikes, 0)).toBe(500);
    for (let bin = 0; bin < 5; bin++) {
      const inBin = clicks.filter((c) => Math.floor(c.at / 0.01 + 1e-9) === bin);
      expect(inBin).toHaveLength(3);
      // 100 spikes split 33 / 33 / 34.
      expect(inBin.map((c) => c.spikes)).toEqual([33, 33, 34]);
    }
    for (let k = 1; k < clicks.length; k++)
      expect(clicks[k]!.at).toBeGreaterThan(clicks[k - 1]!.at);
  });

  it('leaves sparse spikes alone, and compresses a chunk played faster than real time', () => {
    const sparse = scheduleClicks([0, 200, 400], {
      fromStep: 0,
      toStep: 500,
      startAt: 1,
      span: 0.05,
    });
    expect(sparse).toHaveLength(3);
    // The same 500 steps in 5 ms: all three fall in one 10 ms bin, still under the cap of 3.
    const fast = scheduleClicks([0, 200, 400], {
      fromStep: 0,
      toStep: 500,
      startAt: 1,
      span: 0.005,
    });
    expect(fast).toHaveLength(3);
    fast.forEach((c, k) => expect(c.at - 1).toBeCloseTo(0.002 * k, 12));
    const capped = scheduleClicks([0, 100, 200, 300, 400], {
      fromStep: 0,
      toStep: 500,
      startAt: 1,
      span: 0.005,
      maxPerBin: 2,
    });
    expect(capped.map((c) => c.spikes)).toEqual([2, 3]);
  });

  it('makes merged clicks louder, up to full scale, and silent at volume 0', () => {
    expect(clickGain(1, 1)).toBeCloseTo(1 / 3, 12);
    expect(clickGain(2, 1)).toBeCloseTo(2 / 3, 12);
    expect(clickGain(4, 1)).toBe(1);
    expect(clickGain(1000, 1)).toBe(1);
    expect(clickGain(4, 0.5)).toBe(0.5);
    expect(clickGain(8, 0)).toBe(0);
    expect(clickGain(0, 1)).toBe(0);
  });
});
