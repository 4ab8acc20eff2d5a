/**
 * Bernoulli stochastic number generator: a 24-bit comparator on the engine's counter-based
 * generator. Bit `i` of stream `index` under `key` is
 *
 *     draw24(stepKey(key, i), index) < threshold
 *
 * i.e. the bit position plays the role of the step and `index` that of the neuron in
 * `random.ts`'s scheme. A GPU kernel computing bit i of many channels at once needs one
 * `stepKey` per bit position, and since every bit is rehashed, no two streams are shifted copies
 * of each other (as `mix32(key + i)` streams with nearby keys would be).
 */
import { createBitstream } from './bitstream.ts';
import type { Bitstream } from './bitstream.ts';
import { threshold24 } from './keys.ts';
import { draw24, stepKey } from '../random.ts';

/**
 * Fill words `[wordStart, wordEnd)` of a `length`-bit stream with Bernoulli bits (word kernel:
 * pure, integer-only; bits at or past `length` stay zero).
 */
export function fillBernoulliWords(
  out: Uint32Array,
  wordStart: number,
  wordEnd: number,
  length: number,
  threshold: number,
  key: number,
  index: number,
): void {
  for (let w = wordStart; w < wordEnd; w++) {
    let word = 0;
    const base = w << 5;
    const bits = Math.min(32, length - base);
    for (let b = 0; b < bits; b++) {
      if (draw24(stepKey(key, base + b), index) < threshold) word |= 1 << b;
    }
    out[w] = word >>> 0;
  }
}

/**
 * A stream of `length` independent bits, each 1 with probability `threshold24(p) / 2^24`.
 *
 * @example
 * const s = bernoulliBitstream(0.3, 4096, streamKey(7, 0, SC_STREAM.encoder));
 * bitstreamToProbability(s) // 0.3 +- 0.007
 */
export function bernoulliBitstream(p: number, length: number, key: number, index = 0): Bitstream {
  const out = createBitstream(length);
  fillBernoulliWords(out.words, 0, out.words.length, length, threshold24(p), key, index);
  return out;
}
