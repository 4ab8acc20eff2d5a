import { describe, expect, it } from 'vitest';
import {
  draw24,
  gaussianFromBits,
  gaussianTable,
  inverseNormalCdf,
  mix32,
  normalCdf,
  stepKey,
  streamKey,
} from '../../../src/engine/random.ts';

describe('counter-based random generator', () => {
  it('is a pure function of its key', () => {
    const k = stepKey(streamKey(42, 0, 2), 17);
    expect(draw24(k, 5)).toBe(draw24(stepKey(streamKey(42, 0, 2), 17), 5));
    expect(draw24(k, 5)).not.toBe(draw24(k, 6));
    expect(streamKey(42, 0, 2)).not.toBe(streamKey(43, 0, 2));
  });

  it('mixes: flipping one input bit flips about half the output bits', () => {
    // Avalanche property of a good integer hash; a weak mixer (or a typo in a constant that
    // leaves it nearly linear) fails this by a wide margin.
    let flipped = 0;
    let trials = 0;
    for (let x = 1; x < 2000; x++) {
      for (let bit = 0; bit < 32; bit++) {
        const diff = (mix32(x) ^ mix32((x ^ (1 << bit)) >>> 0)) >>> 0;
        let pop = 0;
        for (let d = diff; d; d &= d - 1) pop++;
        flipped += pop;
        trials++;
      }
    }
    expect(Math.abs(flipped / trials - 16)).toBeLessThan(0.1);
    expect(mix32(0)).toBe(0); // xor-shift-multiply maps 0 to 0; streamKey adds non-zero stream ids before hashing
    expect(new Set(Array.from({ length: 1000 }, (_, i) => mix32(i))).size).toBe(1000);
  });

  it('gives uniform 24-bit draws (chi-square over 64 bins)', () => {
    const bins = new Float64Array(64);
    const n = 200_000;
    const k = stepKey(streamKey(7, 3, 2), 0);
    for (let i = 0; i < n; i++) bins[draw24(k, i) >>> 18]! += 1;
    const expected = n / 64;
    let chi = 0;
    for (const b of bins) chi += (b - expected) ** 2 / expected;
    // 63 degrees of freedom: the 99.9th percentile is about 103.
    expect(chi).toBeLessThan(103);
  });

  it('draws standard normal variates from the table', () => {
    const table = gaussianTable();
    const n = 400_000;
    let sum = 0;
    let sq = 0;
    let beyond2 = 0;
    for (let s = 0; s < 4; s++) {
      const k = stepKey(streamKey(1, 0, 2), s);
      for (let i = 0; i < n / 4; i++) {
        const z = gaussianFromBits(draw24(k, i), table);
        sum += z;
        sq += z * z;
        if (Math.abs(z) > 2) beyond2++;
      }
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
    // P(|Z| > 2) = 0.0455 for a true normal.
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.002);
  });

  it('has an accurate quantile function', () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });
});
