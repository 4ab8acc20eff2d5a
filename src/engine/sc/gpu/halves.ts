/**
 * 32-bit words to and from the 16-bit halves the gpu.js kernels hold (float32 is exact up to
 * 2^24, so a half survives any mode's transfer; a whole word would not). Word w becomes
 * elements 2w (low half) and 2w + 1 (high half).
 */

/**
 * The halves of `words`, zero-padded to `size` elements (default `2 * words.length`).
 *
 * @example wordsToHalves(Uint32Array.of(0x12345678)) // Float32Array [0x5678, 0x1234]
 */
export function wordsToHalves(words: Uint32Array, size = 2 * words.length): Float32Array {
  const halves = new Float32Array(size);
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as number;
    halves[2 * w] = word & 0xffff;
    halves[2 * w + 1] = word >>> 16;
  }
  return halves;
}

/**
 * Joins halves back into `out`, checking that every half is an integer in [0, 65535]: a kernel
 * that gpu.js translated wrongly must fail loudly, not be masked into plausible words.
 */
export function halvesToWords(halves: Float32Array, out: Uint32Array, what: string): void {
  if (halves.length < 2 * out.length) {
    throw new Error(`${what}: ${halves.length} values came back for ${out.length} words`);
  }
  for (let w = 0; w < out.length; w++) {
    const lo = checkedHalf(halves, 2 * w, what);
    const hi = checkedHalf(halves, 2 * w + 1, what);
    out[w] = (hi * 65536 + lo) >>> 0;
  }
}

function checkedHalf(halves: Float32Array, i: number, what: string): number {
  const v = halves[i] as number;
  if (!Number.isInteger(v) || v < 0 || v > 0xffff) {
    throw new Error(`${what}: value ${v} at ${i} is not a 16-bit half (a mistranslated kernel?)`);
  }
  return v;
}

/**
 * Sum of per-thread partial counts, each checked to be an integer in [0, max]; the sum is exact
 * in a double.
 */
export function sumPartials(partials: Float32Array, max: number, what: string): number {
  let total = 0;
  for (let i = 0; i < partials.length; i++) {
    const v = partials[i] as number;
    if (!Number.isInteger(v) || v < 0 || v > max) {
      throw new Error(`${what}: partial count ${v} at ${i} is not an integer in [0, ${max}]`);
    }
    total += v;
  }
  return total;
}
