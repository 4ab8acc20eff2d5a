/**
 * What step 2 reads off the three streams: each density, the AND estimate against the exact
 * product, the correlation of the inputs, and the estimate after each prefix of the stream
 * (how it settles as more bits are counted).
 */
import { bitstreamToProbability, getBit, scc, type Bitstream } from '../../../engine/sc/index.ts';
import type { StreamTriple } from './generators.ts';

/** The numbers step 2 shows. */
export interface AndReadout {
  pPre: number;
  pWeight: number;
  estimate: number;
  exact: number;
  /** estimate - exact. */
  error: number;
  /** Stochastic cross-correlation of pre and weight: 0 independent, +1 fully overlapping. */
  scc: number;
}

/** Densities, estimate, exact x w and SCC of one AND gate's streams. */
export function readAnd(streams: StreamTriple, x: number, w: number): AndReadout {
  const estimate = bitstreamToProbability(streams.product);
  const exact = x * w;
  return {
    pPre: bitstreamToProbability(streams.pre),
    pWeight: bitstreamToProbability(streams.weight),
    estimate,
    exact,
    error: estimate - exact,
    scc: scc(streams.pre, streams.weight),
  };
}

/**
 * About `points` distinct counts n from 1 to `length`, evenly spaced on a log axis and always
 * ending at `length` itself.
 *
 * @example
 * logSpacedCounts(8, 4) // [1, 2, 4, 8]
 */
export function logSpacedCounts(length: number, points: number): number[] {
  if (length < 1) return [];
  const out: number[] = [];
  const steps = Math.max(1, points - 1);
  for (let k = 0; k <= steps; k++) {
    const n = Math.round(length ** (k / steps));
    if (n !== out[out.length - 1]) out.push(n);
  }
  if (out[out.length - 1] !== length) out.push(length);
  return out;
}

/** The density of the first n bits, for each n of `counts` (ascending). */
export function runningEstimate(stream: Bitstream, counts: readonly number[]): number[] {
  const out: number[] = [];
  let ones = 0;
  let i = 0;
  for (const n of counts) {
    for (; i < n; i++) ones += getBit(stream, i);
    out.push(ones / n);
  }
  return out;
}

/**
 * Two standard errors of a Bernoulli estimate of p from n bits: about 95% of random streams
 * land within +- this of p.
 */
export function twoSigma(p: number, n: number): number {
  return 2 * Math.sqrt((p * (1 - p)) / n);
}
