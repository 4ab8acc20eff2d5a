/**
 * Stream lengths on a log scale. The length slider moves over the exponent k of L = 2^k, so
 * each notch doubles L and 8..65536 fits on one slider; the error sweep measures the same powers.
 */

/** The shortest and longest streams the lesson offers: 2^3 = 8 and 2^16 = 65536 bits. */
export const MIN_LOG2_LENGTH = 3;
export const MAX_LOG2_LENGTH = 16;

/**
 * L = 2^k for the slider position k (rounded and clamped to the offered range).
 *
 * @example
 * lengthFromExponent(12) // 4096
 */
export function lengthFromExponent(k: number): number {
  const clamped = Math.min(MAX_LOG2_LENGTH, Math.max(MIN_LOG2_LENGTH, Math.round(k)));
  return 2 ** clamped;
}

/** The slider position of a length (log2, rounded to the nearest notch). */
export function exponentOfLength(length: number): number {
  return Math.round(Math.log2(Math.max(1, length)));
}

/** Every power of two from 2^from to 2^to, ascending. */
export function powersOfTwo(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(2 ** k);
  return out;
}

/** A length as people read it: 65536 -> "65,536". */
export function formatLength(length: number): string {
  return length.toLocaleString('en-US');
}
