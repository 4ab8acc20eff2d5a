/** Stochastic cross-correlation (Alaghi & Hayes 2013): hand-computed cases and its three anchors. */
import { describe, expect, it } from 'vitest';
import {
  bernoulliBitstream,
  bitstreamFromBits,
  createBitstream,
  not,
  scc,
} from '../../../src/engine/sc/index.ts';
import { streamKey } from '../../../src/engine/random.ts';

describe('SCC', () => {
  it('matches hand-computed values', () => {
    const s = (bits: string): ReturnType<typeof bitstreamFromBits> =>
      bitstreamFromBits(bits.split('').map(Number));
    expect(scc(s('1100'), s('1010'))).toBe(0); // p11 = pa pb
    expect(scc(s('1100'), s('1000'))).toBe(1); // p11 = min
    expect(scc(s('1100'), s('0011'))).toBe(-1); // p11 = 0 = max(pa + pb - 1, 0)
    expect(scc(s('1110'), s('0111'))).toBe(-1); // p11 = 0.5 = pa + pb - 1
    expect(scc(s('11110000'), s('11101000'))).toBe(0.5); // (3/8 - 1/4) / (1/2 - 1/4)
    expect(scc(s('11110000'), s('11111111'))).toBe(0); // a constant stream
    expect(scc(createBitstream(0), createBitstream(0))).toBe(0);
  });

  const L = 1 << 16;
  const key = streamKey(3, 0, 77);

  it('is +1 for identical streams and for comparators sharing one random source', () => {
    const a = bernoulliBitstream(0.4, L, key);
    expect(scc(a, a)).toBe(1);
    expect(scc(a, bernoulliBitstream(0.7, L, key))).toBeCloseTo(1, 12);
  });

  it('is -1 for a comparator against the complement of one on the same source', () => {
    // b = NOT(u < 1 - q) = (u >= 1 - q): overlaps a = (u < p) as little as possible.
    const a = bernoulliBitstream(0.4, L, key);
    const b = not(bernoulliBitstream(1 - 0.7, L, key));
    expect(scc(a, b)).toBeCloseTo(-1, 12);
    expect(scc(a, not(a))).toBeCloseTo(-1, 12);
  });

  it('is about 0 for independent streams (|SCC| < 0.03, over 4 standard errors)', () => {
    // delta = p11 - pa pb has SE sqrt(pa pb (1-pa)(1-pb) / L) = 0.0009; the denominators are
    // 0.12 and 0.18, so SCC has SE below 0.0075.
    for (let seed = 0; seed < 10; seed++) {
      const a = bernoulliBitstream(0.4, L, streamKey(seed, 1, 77));
      const b = bernoulliBitstream(0.7, L, streamKey(seed, 2, 77));
      expect(Math.abs(scc(a, b))).toBeLessThan(0.03);
    }
  });
});
