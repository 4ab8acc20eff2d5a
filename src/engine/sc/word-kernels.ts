/**
 * Word-wise kernels over `Uint32Array` ranges `[start, end)`: the hot loops of stochastic
 * computing. Each is a pure function of typed arrays and integers with only 32-bit integer
 * operations (`&`, `|`, `^`, `~`, shifts, `Math.imul`), so the same loop body lifts unchanged
 * onto a gpu.js kernel (one thread per word) or AssemblyScript/WASM, and every backend gives the
 * same bits. They do not know the stream length: callers clear the tail afterwards.
 */

/** `out[w] = a[w] & b[w]`: stochastic multiplication (unipolar). */
export function andWords(
  a: Uint32Array,
  b: Uint32Array,
  out: Uint32Array,
  start: number,
  end: number,
): void {
  for (let w = start; w < end; w++) out[w] = ((a[w] as number) & (b[w] as number)) >>> 0;
}

/** `out[w] = a[w] | b[w]`: saturating addition, p_a + p_b - p_a p_b for independent streams. */
export function orWords(
  a: Uint32Array,
  b: Uint32Array,
  out: Uint32Array,
  start: number,
  end: number,
): void {
  for (let w = start; w < end; w++) out[w] = ((a[w] as number) | (b[w] as number)) >>> 0;
}

/** `out[w] = a[w] ^ b[w]`: |p_a - p_b| for maximally correlated streams, bipolar multiply. */
export function xorWords(
  a: Uint32Array,
  b: Uint32Array,
  out: Uint32Array,
  start: number,
  end: number,
): void {
  for (let w = start; w < end; w++) out[w] = ((a[w] as number) ^ (b[w] as number)) >>> 0;
}

/** `out[w] = ~a[w]`: 1 - p. Sets tail bits; the caller must clear them. */
export function notWords(a: Uint32Array, out: Uint32Array, start: number, end: number): void {
  for (let w = start; w < end; w++) out[w] = ~(a[w] as number) >>> 0;
}

/**
 * `out[w] = (a[w] & ~s[w]) | (b[w] & s[w])`: a 2:1 multiplexer per bit, taking `b` where the
 * select bit is 1. With P(s) = 1/2 this is scaled addition, (p_a + p_b) / 2.
 */
export function muxWords(
  a: Uint32Array,
  b: Uint32Array,
  s: Uint32Array,
  out: Uint32Array,
  start: number,
  end: number,
): void {
  for (let w = start; w < end; w++) {
    const sel = s[w] as number;
    out[w] = (((a[w] as number) & ~sel) | ((b[w] as number) & sel)) >>> 0;
  }
}

/** Number of set bits of a 32-bit word (SWAR: pairs, nibbles, bytes, then one multiply). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Set bits in `words[start..end)`. */
export function popcountWords(words: Uint32Array, start: number, end: number): number {
  let n = 0;
  for (let w = start; w < end; w++) n += popcount32(words[w] as number);
  return n;
}

/**
 * Set bits of `a & b` in `[start, end)` without storing the product: the SC multiply followed by
 * the counter that decodes it, fused so one pass reads each word once.
 */
export function andPopcountWords(
  a: Uint32Array,
  b: Uint32Array,
  start: number,
  end: number,
): number {
  let n = 0;
  for (let w = start; w < end; w++) n += popcount32((a[w] as number) & (b[w] as number));
  return n;
}
