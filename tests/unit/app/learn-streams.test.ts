/**
 * Step 2's pure logic: the generator pairs (independent and correlated), the readout, the
 * running estimate, the drawn bit rows and the log-scale length slider.
 */
import { describe, expect, it } from 'vitest';
import {
  bitstreamFromBits,
  bitstreamToProbability,
  popcount,
  sobolBitstream,
} from '../../../src/engine/sc/index.ts';
import {
  GENERATORS,
  lfsrStartState,
  lfsrWidthFor,
  makeStreams,
  type StreamSettings,
} from '../../../src/app/learn/sc/generators.ts';
import {
  logSpacedCounts,
  readAnd,
  runningEstimate,
  twoSigma,
} from '../../../src/app/learn/sc/and-gate.ts';
import { bitBlocks, countOnes, firstBits } from '../../../src/app/learn/sc/bit-rows.ts';
import {
  exponentOfLength,
  formatLength,
  lengthFromExponent,
  powersOfTwo,
} from '../../../src/app/learn/sc/length-scale.ts';

const base: StreamSettings = {
  generator: 'bernoulli',
  x: 0.6,
  w: 0.5,
  length: 4096,
  seed: 7,
  correlated: false,
};

describe('independent streams multiply', () => {
  it.each(GENERATORS)('%s: the AND estimate is within 4 binomial SEs of x w', (generator) => {
    const s = { ...base, generator };
    const r = readAnd(makeStreams(s), s.x, s.w);
    expect(r.exact).toBeCloseTo(0.3, 12);
    expect(Math.abs(r.error)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / s.length));
    expect(r.error).toBeCloseTo(r.estimate - 0.3, 12);
  });

  it('Bernoulli: the tutorial example (x 0.6, w 0.5, L 4096) is within 0.05 of 0.30', () => {
    const r = readAnd(makeStreams(base), 0.6, 0.5);
    expect(Math.abs(r.estimate - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(r.scc)).toBeLessThan(0.1);
  });

  it('Sobol dimensions 1 and 2 multiply dyadic values exactly', () => {
    const s = { ...base, generator: 'sobol' as const, x: 0.75, w: 0.375, length: 1024 };
    expect(readAnd(makeStreams(s), s.x, s.w).estimate).toBe(0.28125);
  });

  it('LFSR: a stream of 2^n bits alone holds x (2^n - 1) ones, rounded, plus at most one', () => {
    const s = { ...base, generator: 'lfsr' as const, x: 0.3, length: 1024 };
    const ones = popcount(makeStreams(s).pre);
    const expected = Math.round(0.3 * 1023);
    expect(ones - expected).toBeGreaterThanOrEqual(0);
    expect(ones - expected).toBeLessThanOrEqual(1);
  });

  it('pre is bit for bit what the library encodes for the same generator', () => {
    const sobol = makeStreams({ ...base, generator: 'sobol' });
    expect(sobol.pre.words).toEqual(sobolBitstream(0.6, 4096, 1).words);
    expect(sobol.weight.words).toEqual(sobolBitstream(0.5, 4096, 2).words);
  });
});

describe('correlated streams break the multiplication', () => {
  it.each(GENERATORS)('%s: SCC is +1 and AND gives min(x, w), not x w', (generator) => {
    const s = { ...base, generator, correlated: true };
    const r = readAnd(makeStreams(s), s.x, s.w);
    expect(r.scc).toBeCloseTo(1, 12);
    // The sparser stream's ones all sit under the denser stream's ones.
    expect(r.estimate).toBe(r.pWeight);
    expect(Math.abs(r.estimate - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / s.length));
    expect(Math.abs(r.error)).toBeGreaterThan(0.15);
  });

  it('a longer correlated stream does not help', () => {
    const s = { ...base, correlated: true, length: 65536 };
    expect(Math.abs(readAnd(makeStreams(s), s.x, s.w).error - 0.2)).toBeLessThan(0.01);
  });
});

describe('LFSR registers', () => {
  it('use the smallest width n >= 3 with 2^n >= L', () => {
    expect(lfsrWidthFor(1)).toBe(3);
    expect(lfsrWidthFor(8)).toBe(3);
    expect(lfsrWidthFor(9)).toBe(4);
    expect(lfsrWidthFor(4096)).toBe(12);
    expect(lfsrWidthFor(65536)).toBe(16);
  });

  it('start in a nonzero state within the register, different for pre and weight', () => {
    for (let seed = 0; seed < 200; seed++) {
      for (const width of [3, 8, 16]) {
        const a = lfsrStartState(seed, width, 0);
        expect(a).toBeGreaterThanOrEqual(1);
        expect(a).toBeLessThan(2 ** width);
      }
    }
    const differ = Array.from({ length: 50 }, (_, seed) => seed).filter(
      (seed) => lfsrStartState(seed, 12, 0) !== lfsrStartState(seed, 12, 1),
    );
    expect(differ.length).toBeGreaterThan(45);
  });
});

describe('running estimate', () => {
  it('spaces counts evenly in log n, distinct, ending at the length', () => {
    expect(logSpacedCounts(8, 4)).toEqual([1, 2, 4, 8]);
    const counts = logSpacedCounts(65536, 240);
    expect(counts[0]).toBe(1);
    expect(counts[counts.length - 1]).toBe(65536);
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i] as number).toBeGreaterThan(counts[i - 1] as number);
    }
    expect(counts.length).toBeLessThanOrEqual(240);
    expect(logSpacedCounts(0, 10)).toEqual([]);
    expect(logSpacedCounts(1, 10)).toEqual([1]);
  });

  it('is the density of each prefix, counted independently', () => {
    const bits = [1, 0, 1, 1, 0, 0, 0, 1, 1, 0];
    const stream = bitstreamFromBits(bits);
    const counts = [1, 2, 3, 5, 10];
    const naive = counts.map((n) => bits.slice(0, n).reduce((a, b) => a + b, 0) / n);
    expect(runningEstimate(stream, counts)).toEqual(naive);
    const s = makeStreams(base).product;
    const all = runningEstimate(s, [s.length]);
    expect(all[0]).toBe(bitstreamToProbability(s));
  });

  it('two sigma is the binomial 95% half-width', () => {
    expect(twoSigma(0.3, 4096)).toBeCloseTo(2 * Math.sqrt(0.21 / 4096), 15);
    expect(twoSigma(0, 10)).toBe(0);
  });
});

describe('bit rows', () => {
  it('cut the shown bits into aligned blocks', () => {
    expect(bitBlocks(128, 64)).toEqual([
      { start: 0, count: 64 },
      { start: 64, count: 64 },
    ]);
    expect(bitBlocks(100, 64)).toEqual([
      { start: 0, count: 64 },
      { start: 64, count: 36 },
    ]);
    expect(bitBlocks(8, 64)).toEqual([{ start: 0, count: 8 }]);
    expect(bitBlocks(0, 64)).toEqual([]);
    expect(() => bitBlocks(10, 0)).toThrow(/at least 1/);
  });

  it('draw the stream’s own first bits, and count them', () => {
    const bits = [0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1];
    const stream = bitstreamFromBits(bits);
    expect(Array.from(firstBits(stream, 5))).toEqual(bits.slice(0, 5));
    expect(Array.from(firstBits(stream, 99))).toEqual(bits);
    expect(countOnes(firstBits(stream, 99))).toBe(6);
    const long = makeStreams(base).pre;
    expect(countOnes(firstBits(long, long.length))).toBe(popcount(long));
  });
});

describe('length slider', () => {
  it('moves over powers of two from 8 to 65536', () => {
    expect(lengthFromExponent(3)).toBe(8);
    expect(lengthFromExponent(12)).toBe(4096);
    expect(lengthFromExponent(16)).toBe(65536);
    expect(lengthFromExponent(2)).toBe(8);
    expect(lengthFromExponent(40)).toBe(65536);
    expect(lengthFromExponent(11.6)).toBe(4096);
    for (let k = 3; k <= 16; k++) expect(exponentOfLength(lengthFromExponent(k))).toBe(k);
    expect(powersOfTwo(3, 6)).toEqual([8, 16, 32, 64]);
    expect(formatLength(65536)).toBe('65,536');
  });
});
