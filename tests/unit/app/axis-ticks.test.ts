import { describe, expect, it } from 'vitest';
import { paddedRange, tickLabel, tickStep, ticks } from '../../../src/app/plots/axis-ticks.ts';

describe('axis ticks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(1000, 5)).toBe(200);
    expect(tickStep(1000, 10)).toBe(100);
    expect(tickStep(3200, 4)).toBe(1000);
    expect(tickStep(0.3, 3)).toBeCloseTo(0.1, 12);
    expect(tickStep(70, 2)).toBe(50);
  });

  it('lists the multiples of the step inside the range, without float noise', () => {
    expect(ticks(0, 1000, 200)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(ticks(1250, 2250, 200)).toEqual([1400, 1600, 1800, 2000, 2200]);
    expect(ticks(-0.25, 0.35, 0.1)).toEqual([-0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(ticks(5, 1, 1)).toEqual([]);
  });

  it('writes labels as plotly does', () => {
    expect(tickLabel(200)).toBe('200');
    expect(tickLabel(0.30000000000000004)).toBe('0.3');
    expect(tickLabel(1200)).toBe('1200');
    expect(tickLabel(12000)).toBe('12k');
  });

  it('pads an autoscaled range, from zero for rates', () => {
    expect(paddedRange(0, 10)).toEqual([-0.5, 10.5]);
    expect(paddedRange(5, 25, true)).toEqual([0, 26.25]);
    expect(paddedRange(3, 3)).toEqual([2.45, 3.55]);
    expect(paddedRange(Infinity, -Infinity)).toEqual([0, 1]);
  });
});
