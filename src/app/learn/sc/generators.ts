/**
 * The three stochastic number generators the lesson compares, as pairs of streams for an AND
 * gate. Every stream comes from the SC library (`src/engine/sc`); this file only decides which
 * generator instances feed the two inputs:
 *
 * - independent: the pre stream and the weight stream use different random sources (two seeds,
 *   two LFSR start states, Sobol dimensions 1 and 2), so AND multiplies;
 * - correlated: both comparators read the same random numbers (one seed, one LFSR, one Sobol
 *   dimension), so the ones overlap as much as they can and AND gives min(x, w), not x w.
 */
import {
  BitstreamEncoder,
  BitstreamSynapse,
  and,
  lfsrBitstream,
  lfsrMask,
  maximalLfsr,
  sobolBitstream,
  type Bitstream,
} from '../../../engine/sc/index.ts';
import { mix32 } from '../../../engine/random.ts';

export type GeneratorKind = 'bernoulli' | 'lfsr' | 'sobol';

export const GENERATORS: readonly GeneratorKind[] = ['bernoulli', 'lfsr', 'sobol'];

/** Names and one-line descriptions a student reads next to the choice. */
export const GENERATOR_INFO: Record<GeneratorKind, { name: string; about: string }> = {
  bernoulli: {
    name: 'Bernoulli',
    about: 'every bit is an independent coin flip that lands 1 with probability p',
  },
  lfsr: {
    name: 'LFSR',
    about:
      'a shift register steps through every n-bit number once in scrambled order; a bit is 1 ' +
      'when the number is below p·2ⁿ',
  },
  sobol: {
    name: 'Sobol',
    about:
      'a low-discrepancy sequence that spreads its points evenly, so the ones are spaced ' +
      'evenly too',
  },
};

/** The three streams of one AND gate. */
export interface StreamTriple {
  pre: Bitstream;
  weight: Bitstream;
  product: Bitstream;
}

/** What the streams encode and how they are made. */
export interface StreamSettings {
  generator: GeneratorKind;
  x: number;
  w: number;
  length: number;
  seed: number;
  correlated: boolean;
}

/**
 * Register width for an LFSR stream of `length` bits: the smallest n >= 3 with 2^n >= L, so a
 * stream of 2^n bits is one full period (2^n - 1 states) plus the first state again, and the
 * stream of x alone holds almost exactly x L ones.
 */
export function lfsrWidthFor(length: number): number {
  let n = 3;
  while (n < 32 && 2 ** n < length) n++;
  return n;
}

/** A nonzero n-bit start state for seed `seed`; `which` picks the register (0 pre, 1 weight). */
export function lfsrStartState(seed: number, width: number, which: number): number {
  return 1 + (mix32((seed * 2 + which) >>> 0) % lfsrMask(width));
}

/**
 * The pre stream (value x), weight stream (w) and their AND.
 *
 * @example
 * const { product } = makeStreams({ generator: 'bernoulli', x: 0.6, w: 0.5, length: 4096,
 *   seed: 7, correlated: false });
 * bitstreamToProbability(product) // ~0.30
 */
export function makeStreams(s: StreamSettings): StreamTriple {
  const { pre, weight } = streamPair(s);
  return { pre, weight, product: and(pre, weight) };
}

function streamPair(s: StreamSettings): { pre: Bitstream; weight: Bitstream } {
  switch (s.generator) {
    case 'bernoulli': {
      const pre = new BitstreamEncoder(0, 1, s.length, s.seed).encode(s.x);
      // A second encoder with the same seed repeats the same random numbers: correlated.
      const weight = s.correlated
        ? new BitstreamEncoder(0, 1, s.length, s.seed).encode(s.w)
        : new BitstreamSynapse(0, 1, s.length, s.w, s.seed).weightBits;
      return { pre, weight };
    }
    case 'lfsr': {
      const width = lfsrWidthFor(s.length);
      const preConfig = maximalLfsr(width, lfsrStartState(s.seed, width, 0));
      const weightConfig = s.correlated
        ? preConfig
        : maximalLfsr(width, lfsrStartState(s.seed, width, 1));
      return {
        pre: lfsrBitstream(s.x, s.length, preConfig),
        weight: lfsrBitstream(s.w, s.length, weightConfig),
      };
    }
    case 'sobol':
      return {
        pre: sobolBitstream(s.x, s.length, 1),
        weight: sobolBitstream(s.w, s.length, s.correlated ? 1 : 2),
      };
  }
}
