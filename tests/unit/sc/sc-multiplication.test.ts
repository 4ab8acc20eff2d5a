/**
 * Tutorial section 2: SC multiplication with an AND gate, its error at L = 4096, and the
 * 1/sqrt(L) scaling of the error of Bernoulli streams.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BitstreamEncoder,
  BitstreamSynapse,
  and,
  bernoulliBitstream,
  bitstreamToProbability,
  popcount,
  threshold24,
} from '../../../src/engine/sc/index.ts';
import { mean, sampleSd, slope } from './helpers.ts';

describe('tutorial section 2: P(pre AND weight) for pre = 0.6, w = 0.5', () => {
  const L = 4096;
  const pre = new BitstreamEncoder(0, 1, L, 7).encode(0.6);
  const post = new BitstreamSynapse(0, 1, L, 0.5, 99).apply(pre);

  it('is within 0.05 of 0.30, and within 4 standard errors of it', () => {
    const pPost = bitstreamToProbability(post);
    expect(Math.abs(pPost - 0.3)).toBeLessThan(0.05);
    // A Bernoulli(0.3) stream of L bits: SE = sqrt(0.3 * 0.7 / L) = 0.0072 (the tutorial's ~0.8%).
    expect(Math.abs(pPost - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / L));
    expect(Math.abs(bitstreamToProbability(pre) - 0.6)).toBeLessThan(
      4 * Math.sqrt((0.6 * 0.4) / L),
    );
  });

  it('post is pre with the weight stream ANDed in, bit for bit', () => {
    const weights = new BitstreamSynapse(0, 1, L, 0.5, 99).weightBits;
    expect(post.words).toEqual(and(pre, weights).words);
    expect(popcount(post)).toBeLessThanOrEqual(popcount(pre));
  });
});

describe('standard error of the AND estimate over seeds', () => {
  const lengths = [256, 1024, 4096, 16384, 65536];
  const seeds = 300;
  const p = 0.6 * 0.5;
  const means: number[] = [];
  const sds: number[] = [];

  beforeAll(() => {
    for (const L of lengths) {
      const estimates: number[] = [];
      for (let s = 0; s < seeds; s++) {
        const pre = new BitstreamEncoder(0, 1, L, 1 + s).encode(0.6);
        const post = new BitstreamSynapse(0, 1, L, 0.5, 100_000 + s).apply(pre);
        estimates.push(bitstreamToProbability(post));
      }
      means.push(mean(estimates));
      sds.push(sampleSd(estimates));
    }
  });

  it('is unbiased: the mean over seeds is within 4 of its standard errors of 0.3', () => {
    lengths.forEach((L, i) => {
      const se = Math.sqrt((p * (1 - p)) / L / seeds);
      expect(Math.abs((means[i] as number) - p)).toBeLessThan(4 * se);
    });
  });

  it('scales as L^-1/2 (log-log slope within -0.55..-0.45)', () => {
    const exponent = slope(
      lengths.map((L) => Math.log(L)),
      sds.map((sd) => Math.log(sd)),
    );
    expect(exponent).toBeGreaterThan(-0.55);
    expect(exponent).toBeLessThan(-0.45);
  });

  it('matches the binomial value sqrt(p (1 - p) / L) within 15% at every length', () => {
    // With 300 seeds the sample SD has a relative spread of 1/sqrt(2 * 299) = 4%.
    lengths.forEach((L, i) => {
      const theory = Math.sqrt((p * (1 - p)) / L);
      expect(Math.abs((sds[i] as number) / theory - 1)).toBeLessThan(0.15);
    });
  });
});

describe('Bernoulli comparator and encoder', () => {
  it('quantises p to 24 bits and clamps outside [0, 1]', () => {
    expect(threshold24(0.5)).toBe(2 ** 23);
    expect(threshold24(-1)).toBe(0);
    expect(threshold24(2)).toBe(2 ** 24);
    expect(popcount(bernoulliBitstream(0, 1000, 3))).toBe(0);
    expect(popcount(bernoulliBitstream(1, 1000, 3))).toBe(1000);
  });

  it('maps [xMin, xMax] onto [0, 1] and clamps', () => {
    const enc = new BitstreamEncoder(-2, 2, 8192, 1);
    expect(enc.probability(1)).toBe(0.75);
    expect(enc.probability(5)).toBe(1);
    expect(popcount(enc.encode(-3))).toBe(0);
    const se = Math.sqrt((0.75 * 0.25) / 8192);
    expect(Math.abs(bitstreamToProbability(enc.encode(1)) - 0.75)).toBeLessThan(4 * se);
    expect(() => new BitstreamEncoder(1, 1, 10, 0)).toThrow(RangeError);
  });

  it('repeats per seed, differs per call, per channel and per seed', () => {
    const a = new BitstreamEncoder(0, 1, 512, 5);
    const b = new BitstreamEncoder(0, 1, 512, 5);
    const first = a.encode(0.5);
    expect(b.encode(0.5).words).toEqual(first.words);
    expect(a.encode(0.5).words).not.toEqual(first.words);
    expect(new BitstreamEncoder(0, 1, 512, 5, 1).encode(0.5).words).not.toEqual(first.words);
    expect(new BitstreamEncoder(0, 1, 512, 6).encode(0.5).words).not.toEqual(first.words);
  });
});
