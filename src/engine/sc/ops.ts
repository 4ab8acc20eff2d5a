/**
 * Gates on whole bitstreams: allocate the output, run the word kernel over every word, clear the
 * tail. Lengths must match (a gate combines bit i with bit i).
 */
import { assertSameLength, clearTail, createBitstream } from './bitstream.ts';
import type { Bitstream } from './bitstream.ts';
import { andWords, muxWords, notWords, orWords, popcountWords, xorWords } from './word-kernels.ts';

/**
 * Bitwise AND: P = p_a * p_b when the streams are independent (SCC 0).
 *
 * @example
 * bitstreamToProbability(and(encodeA, encodeB)) // ~ pA * pB
 */
export function and(a: Bitstream, b: Bitstream): Bitstream {
  const out = createBitstream(assertSameLength(a, b));
  andWords(a.words, b.words, out.words, 0, out.words.length);
  clearTail(out);
  return out;
}

/** Bitwise OR: P = p_a + p_b - p_a p_b for independent streams. */
export function or(a: Bitstream, b: Bitstream): Bitstream {
  const out = createBitstream(assertSameLength(a, b));
  orWords(a.words, b.words, out.words, 0, out.words.length);
  clearTail(out);
  return out;
}

/** Bitwise XOR: P = p_a + p_b - 2 p_a p_b for independent streams. */
export function xor(a: Bitstream, b: Bitstream): Bitstream {
  const out = createBitstream(assertSameLength(a, b));
  xorWords(a.words, b.words, out.words, 0, out.words.length);
  clearTail(out);
  return out;
}

/** Bitwise NOT: P = 1 - p_a exactly (the tail is cleared so it is not counted). */
export function not(a: Bitstream): Bitstream {
  const out = createBitstream(a.length);
  notWords(a.words, out.words, 0, out.words.length);
  clearTail(out);
  return out;
}

/**
 * Multiplexer: bit i of `b` where bit i of `select` is 1, else of `a`.
 * P = (1 - p_s) p_a + p_s p_b; with p_s = 1/2, scaled addition (p_a + p_b) / 2.
 */
export function mux(a: Bitstream, b: Bitstream, select: Bitstream): Bitstream {
  const out = createBitstream(assertSameLength(a, b, select));
  muxWords(a.words, b.words, select.words, out.words, 0, out.words.length);
  clearTail(out);
  return out;
}

/** Number of ones in the stream. */
export function popcount(a: Bitstream): number {
  return popcountWords(a.words, 0, a.words.length);
}

/**
 * The value a unipolar stream encodes: its density of ones (0 for an empty stream).
 *
 * @example
 * bitstreamToProbability(bitstreamFromBits([1, 0, 1, 1])) === 0.75
 */
export function bitstreamToProbability(a: Bitstream): number {
  return a.length === 0 ? 0 : popcount(a) / a.length;
}
