import { describe, expect, it } from 'vitest';
import {
  MAX_SCALE_BITS,
  chooseFractionBits,
  chooseScaleBits,
  multiplierError,
  SCALE_RELATIVE_ERROR,
} from '../../../src/hdl/quantise-choice.ts';

describe('chooseFractionBits', () => {
  it('takes F = W - 2 when every value fits there', () => {
    expect(chooseFractionBits([0, 1, -1], 16)).toBe(14);
    expect(chooseFractionBits([], 8)).toBe(6);
  });

  it('gives up one fraction bit exactly at the edge of the W-bit range', () => {
    // W = 8: [-128, 127]. 127/64 quantises to 127 at F = 6; 2 to 128, one past the edge.
    expect(chooseFractionBits([127 / 64], 8)).toBe(6);
    expect(chooseFractionBits([2], 8)).toBe(5);
    // The negative side holds one more: -2 is -128 at F = 6.
    expect(chooseFractionBits([-2], 8)).toBe(6);
    expect(chooseFractionBits([-2 - 1 / 64], 8)).toBe(5);
    // Rounding half up counts: 1.9921875 * 64 = 127.5 rounds to 128.
    expect(chooseFractionBits([1.9921875], 8)).toBe(5);
  });

  it('chooses by the largest value of all, e.g. the CUBA potentials at 16 bits', () => {
    // 60.005 * 2^9 = 30722.6 fits [-32768, 32767]; at F = 10 it is 61445.
    expect(chooseFractionBits([-49, -60.005, -50, 1.62, -9], 16)).toBe(9);
  });

  it('is null when even F = 0 cannot hold a value', () => {
    expect(chooseFractionBits([127.4], 8)).toBe(0);
    expect(chooseFractionBits([127.5], 8)).toBeNull();
    expect(chooseFractionBits([-128.4], 8)).toBe(0);
    expect(chooseFractionBits([-128.6], 8)).toBeNull();
  });
});

describe('chooseScaleBits', () => {
  it('takes the smallest S that rounds every multiplier within 2^-11 of itself', () => {
    // 1/20 at S = 13 is 409.6 -> 410 (9.8e-4 off); at S = 14, 819.2 -> 819 (2.4e-4 off).
    expect(multiplierError(1 / 20, 13)).toBeGreaterThan(SCALE_RELATIVE_ERROR);
    expect(multiplierError(1 / 20, 14)).toBeLessThanOrEqual(SCALE_RELATIVE_ERROR);
    expect(chooseScaleBits([1 / 20, 1])).toBe(14);
  });

  it('needs only one bit for exact multipliers and skips zeros', () => {
    expect(chooseScaleBits([1, 0.5, 0])).toBe(1);
    expect(chooseScaleBits([0])).toBe(1);
  });

  it('caps S at 16 when no width is precise enough (CUBA: dt/tau = 0.005)', () => {
    expect(multiplierError(0.005, MAX_SCALE_BITS)).toBeGreaterThan(SCALE_RELATIVE_ERROR);
    expect(chooseScaleBits([0.005, 1])).toBe(MAX_SCALE_BITS);
  });
});
