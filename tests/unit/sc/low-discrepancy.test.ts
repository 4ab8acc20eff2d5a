/** Van der Corput / Sobol comparators: exact densities and exact products for dyadic values. */
import { describe, expect, it } from 'vitest';
import {
  and,
  bitstreamToProbability,
  popcount,
  reverseBits,
  scc,
  sobol2Directions,
  sobolBitstream,
  sobolPoint,
  sobolResolution,
} from '../../../src/engine/sc/index.ts';
import { mix32 } from '../../../src/engine/random.ts';

const probabilities = Array.from({ length: 40 }, (_, i) => mix32(i + 77) / 2 ** 32).concat([
  0, 0.5, 1, 0.3,
]);

describe('points', () => {
  it('dimension 1 is the bit-reversed index (van der Corput)', () => {
    for (const k of [1, 5, 12, 31]) {
      for (let i = 0; i < 200; i++) {
        const idx = mix32(i) % 2 ** k;
        const reversed = parseInt(idx.toString(2).padStart(k, '0').split('').reverse().join(''), 2);
        expect(reverseBits(idx, k)).toBe(reversed);
        expect(sobolPoint(idx, k, 1)).toBe(reversed);
      }
    }
  });

  it("dimension 2's direction numbers are Pascal's triangle mod 2 (Lucas' theorem)", () => {
    const k = 12;
    const v = sobol2Directions(k);
    for (let j = 0; j < k; j++) {
      for (let r = 0; r < k; r++) {
        // Bit r from the top of V_j is C(j, r) mod 2, which is 1 exactly when r's bits are in j's.
        const bit = ((v[j] as number) >>> (k - 1 - r)) & 1;
        expect(bit).toBe((r & j) === r ? 1 : 0);
      }
    }
  });

  it('each dimension permutes 0..2^k - 1 over the first 2^k points', () => {
    const k = 10;
    for (const dim of [1, 2] as const) {
      const seen = new Set<number>();
      for (let i = 0; i < 2 ** k; i++) seen.add(sobolPoint(i, k, dim));
      expect(seen.size).toBe(2 ** k);
      expect(Math.max(...seen)).toBe(2 ** k - 1);
    }
  });

  it('resolution is the smallest k with 2^k >= length', () => {
    expect(sobolResolution(1)).toBe(1);
    expect(sobolResolution(1024)).toBe(10);
    expect(sobolResolution(1025)).toBe(11);
  });
});

describe('streams', () => {
  it('a stream of 2^k bits has exactly round(p 2^k) ones, in both dimensions', () => {
    for (let k = 4; k <= 14; k += 2) {
      const L = 2 ** k;
      for (const p of probabilities) {
        expect(popcount(sobolBitstream(p, L, 1))).toBe(Math.round(p * L));
        expect(popcount(sobolBitstream(p, L, 2))).toBe(Math.round(p * L));
      }
    }
  });

  it('every prefix of a van der Corput stream is within 1 + log2(L) ones of p times its length', () => {
    // Prefix i of the sequence is a union of at most k dyadic blocks, each exact to within 1.
    const L = 4096;
    const bits = sobolBitstream(0.37, L, 1);
    let ones = 0;
    for (let i = 0; i < L; i++) {
      ones += ((bits.words[i >>> 5] as number) >>> (i & 31)) & 1;
      expect(Math.abs(ones - 0.37 * (i + 1))).toBeLessThanOrEqual(1 + Math.log2(L));
    }
  });

  it('dimension 1 AND dimension 2 multiplies dyadic values exactly (a (0, k, 2)-net)', () => {
    const k = 12;
    const L = 2 ** k;
    for (const [a, i, b, j] of [
      [1, 1, 1, 2],
      [3, 3, 5, 4],
      [7, 4, 13, 8],
      [21, 6, 45, 6],
    ] as const) {
      const p = a / 2 ** i;
      const q = b / 2 ** j;
      const product = and(sobolBitstream(p, L, 1), sobolBitstream(q, L, 2));
      expect(popcount(product)).toBe(p * q * L);
    }
  });

  it('dimension 1 AND dimension 2 is within (k/3 + 19/9)/L of p q for any p, q', () => {
    // Star discrepancy of a (0, k, 2)-net in base 2: N D* <= k/3 + 19/9 (Dick & Pillichshammer,
    // Digital Nets and Sequences, 2010), far below the Bernoulli error sqrt(pq(1-pq)/L).
    const k = 10;
    const L = 2 ** k;
    for (let r = 0; r + 1 < probabilities.length; r += 2) {
      const p = Math.round((probabilities[r] as number) * L) / L;
      const q = Math.round((probabilities[r + 1] as number) * L) / L;
      const product = and(sobolBitstream(p, L, 1), sobolBitstream(q, L, 2));
      expect(Math.abs(bitstreamToProbability(product) - p * q)).toBeLessThanOrEqual(
        (k / 3 + 19 / 9) / L,
      );
    }
  });

  it('the two dimensions are decorrelated, one dimension with itself is not', () => {
    const L = 4096;
    const a = sobolBitstream(0.6, L, 1);
    expect(Math.abs(scc(a, sobolBitstream(0.45, L, 2)))).toBeLessThan(0.02);
    expect(scc(a, sobolBitstream(0.45, L, 1))).toBeCloseTo(1, 12);
  });
});
