/** Bit-packed streams and gates against a naive one-byte-per-bit implementation. */
import { describe, expect, it } from 'vitest';
import {
  BitstreamEncoder,
  BitstreamSynapse,
  and,
  andPopcountWords,
  andWords,
  bernoulliBitstream,
  bitstreamFromBits,
  bitstreamToBits,
  bitstreamToProbability,
  createBitstream,
  fillBernoulliWords,
  lfsrBitstream,
  maximalLfsr,
  mux,
  not,
  or,
  popcount,
  popcount32,
  sobolBitstream,
  tailIsZero,
  threshold24,
  wordCount,
  xor,
} from '../../../src/engine/sc/index.ts';
import type { Bitstream } from '../../../src/engine/sc/index.ts';
import { mix32, streamKey } from '../../../src/engine/random.ts';
import { countOnes, randomBitArray } from './helpers.ts';

function naivePopcount(x: number): number {
  let n = 0;
  for (let b = 0; b < 32; b++) n += (x >>> b) & 1;
  return n;
}

/** Lengths 1..400 that are not multiples of 32, drawn by a hash so the set is fixed. */
const oddLengths = Array.from({ length: 60 }, (_, i) => {
  const n = 1 + (mix32(i + 1000) % 400);
  return n % 32 === 0 ? n + 1 : n;
});

describe('popcount', () => {
  it('SWAR popcount32 equals a bit-by-bit count', () => {
    const words = [0, 1, 0xffffffff, 0x80000000, 0x55555555, 0xaaaaaaaa, 0x0f0f0f0f];
    for (let i = 0; i < 5000; i++) words.push(mix32(i));
    for (const w of words) expect(popcount32(w)).toBe(naivePopcount(w));
  });

  it('stream popcount equals counting the unpacked bits', () => {
    for (const [i, n] of oddLengths.entries()) {
      const bits = randomBitArray(n, i, 0.37);
      expect(popcount(bitstreamFromBits(bits))).toBe(countOnes(bits));
    }
  });
});

describe('packing', () => {
  it('round-trips bits, LSB first within a word', () => {
    const s = bitstreamFromBits([1, 0, 1]);
    expect(s.words[0]).toBe(0b101);
    for (const [i, n] of oddLengths.entries()) {
      const bits = randomBitArray(n, i + 50);
      expect(Array.from(bitstreamToBits(bitstreamFromBits(bits)))).toEqual(Array.from(bits));
    }
  });

  it('probability is the density of ones', () => {
    expect(bitstreamToProbability(bitstreamFromBits([1, 0, 1, 1]))).toBe(0.75);
    expect(bitstreamToProbability(createBitstream(0))).toBe(0);
  });
});

describe('gates against per-bit logic, tail bits zero after every op', () => {
  const gates: [
    string,
    (a: Bitstream, b: Bitstream, s: Bitstream) => Bitstream,
    (x: number, y: number, z: number) => number,
  ][] = [
    ['and', (a, b) => and(a, b), (x, y) => x & y],
    ['or', (a, b) => or(a, b), (x, y) => x | y],
    ['xor', (a, b) => xor(a, b), (x, y) => x ^ y],
    ['not', (a) => not(a), (x) => 1 - x],
    ['mux', (a, b, s) => mux(a, b, s), (x, y, z) => (z ? y : x)],
  ];
  for (const [name, gate, logic] of gates) {
    it(name, () => {
      for (const [i, n] of oddLengths.entries()) {
        const a = randomBitArray(n, 3 * i);
        const b = randomBitArray(n, 3 * i + 1, 0.7);
        const s = randomBitArray(n, 3 * i + 2, 0.2);
        const out = gate(bitstreamFromBits(a), bitstreamFromBits(b), bitstreamFromBits(s));
        expect(out.length).toBe(n);
        expect(tailIsZero(out)).toBe(true);
        const expected = Array.from(a, (x, j) => logic(x, b[j] ?? 0, s[j] ?? 0));
        expect(Array.from(bitstreamToBits(out))).toEqual(expected);
      }
    });
  }

  it('all-ones and all-zeros streams keep a zero tail (NOT of zeros, Bernoulli p = 1)', () => {
    for (const n of oddLengths) {
      const ones = not(createBitstream(n));
      expect(tailIsZero(ones)).toBe(true);
      expect(popcount(ones)).toBe(n);
      const full = bernoulliBitstream(1, n, 5);
      expect(tailIsZero(full)).toBe(true);
      expect(popcount(full)).toBe(n);
    }
  });

  it('every generator leaves the tail zero, even for all-ones streams', () => {
    for (const n of oddLengths) {
      const streams = [
        bernoulliBitstream(1, n, 9),
        lfsrBitstream(1, n, maximalLfsr(7, 3)),
        sobolBitstream(1, n, 1),
        sobolBitstream(1, n, 2),
        new BitstreamEncoder(0, 1, n, 4).encode(1),
        new BitstreamSynapse(0, 1, n, 1, 4).apply(not(createBitstream(n))),
      ];
      for (const s of streams) {
        expect(tailIsZero(s)).toBe(true);
        expect(popcount(s)).toBe(n);
      }
    }
  });

  it('refuses streams of different lengths', () => {
    expect(() => and(createBitstream(10), createBitstream(11))).toThrow(RangeError);
    expect(() => mux(createBitstream(10), createBitstream(10), createBitstream(9))).toThrow(
      RangeError,
    );
  });
});

describe('word kernels over ranges', () => {
  it('give the same words when the work is split at arbitrary points', () => {
    const words = 1000;
    const a = Uint32Array.from({ length: words }, (_, i) => mix32(i));
    const b = Uint32Array.from({ length: words }, (_, i) => mix32(i + words));
    const whole = new Uint32Array(words);
    andWords(a, b, whole, 0, words);
    const split = new Uint32Array(words);
    const cuts = [0, 1, 31, 32, 500, 999, words];
    let count = 0;
    for (let c = 0; c + 1 < cuts.length; c++) {
      andWords(a, b, split, cuts[c] as number, cuts[c + 1] as number);
      count += andPopcountWords(a, b, cuts[c] as number, cuts[c + 1] as number);
    }
    expect(split).toEqual(whole);
    expect(count).toBe(andPopcountWords(a, b, 0, words));
  });
});

describe('streams do not depend on their word count', () => {
  it('a shorter Bernoulli or LFSR stream is a prefix of a longer one with the same key', () => {
    for (const n of oddLengths.slice(0, 10)) {
      const long = bitstreamToBits(bernoulliBitstream(0.4, 2000, 77)).subarray(0, n);
      expect(bitstreamToBits(bernoulliBitstream(0.4, n, 77))).toEqual(long);
      const config = maximalLfsr(11, 5, 'galois');
      const longL = bitstreamToBits(lfsrBitstream(0.4, 2000, config)).subarray(0, n);
      expect(bitstreamToBits(lfsrBitstream(0.4, n, config))).toEqual(longL);
    }
  });

  it('Bernoulli words filled range by range equal one pass', () => {
    const length = 5000;
    const whole = new Uint32Array(wordCount(length));
    fillBernoulliWords(whole, 0, whole.length, length, threshold24(0.3), 123, 4);
    const split = new Uint32Array(whole.length);
    for (const [a, b] of [
      [100, 157],
      [0, 100],
      [157, whole.length],
    ] as const) {
      fillBernoulliWords(split, a, b, length, threshold24(0.3), 123, 4);
    }
    expect(split).toEqual(whole);
  });
});

describe('SC identities', () => {
  const L = 1 << 16;
  const key = (k: number): number => streamKey(11, k, 99);
  const pa = 0.3;
  const pb = 0.8;
  const a = bernoulliBitstream(pa, L, key(1));
  const b = bernoulliBitstream(pb, L, key(2));

  it('NOT gives exactly 1 - p, OR and XOR obey inclusion-exclusion exactly', () => {
    expect(popcount(not(a))).toBe(L - popcount(a));
    const both = popcount(and(a, b));
    expect(popcount(or(a, b))).toBe(popcount(a) + popcount(b) - both);
    expect(popcount(xor(a, b))).toBe(popcount(a) + popcount(b) - 2 * both);
    expect(not(and(a, b)).words).toEqual(or(not(a), not(b)).words); // De Morgan
  });

  it('MUX with a p = 0.5 select is scaled addition within 4 standard errors', () => {
    const s = bernoulliBitstream(0.5, L, key(3));
    const target = (pa + pb) / 2;
    const se = Math.sqrt((target * (1 - target)) / L);
    expect(Math.abs(bitstreamToProbability(mux(a, b, s)) - target)).toBeLessThan(4 * se);
    // And exactly: the ones are those of a where s = 0 plus those of b where s = 1.
    expect(popcount(mux(a, b, s))).toBe(popcount(and(a, not(s))) + popcount(and(b, s)));
  });

  it('OR of independent streams is p_a + p_b - p_a p_b within 4 standard errors', () => {
    const target = pa + pb - pa * pb;
    const se = Math.sqrt((target * (1 - target)) / L);
    expect(Math.abs(bitstreamToProbability(or(a, b)) - target)).toBeLessThan(4 * se);
  });
});
