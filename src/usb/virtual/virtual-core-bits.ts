/**
 * Register widths for the virtual core: what a value becomes when the RTL keeps only its low
 * bits, as a wire or memory of that width does. Exact for any integer below 2^53 in magnitude
 * (the engine's products are below 2^48).
 */

/**
 * `x` mod 2^bits, as an unsigned number (bits 1..32).
 *
 * @example lowBits(-1, 8) // 255
 */
export function lowBits(x: number, bits: number): number {
  // `<<` takes x mod 2^32 (ToInt32) for any finite x; shifting back keeps the low bits.
  const s = 32 - bits;
  return (x << s) >>> s;
}

/**
 * The low `bits` bits of `x` read as two's complement (bits 1..32).
 *
 * @example signExtend(0xffffff, 24) // -1
 */
export function signExtend(x: number, bits: number): number {
  const s = 32 - bits;
  return (x << s) >> s;
}

/**
 * The W of a W-bit two's complement range [min, max] (W = 1..24), or null for other bounds: the
 * engine's `saturate` clamps to such a range, and the core's bounds come from `fixedRange`.
 */
export function rangeWidth(min: number, max: number): number | null {
  for (let w = 1; w <= 24; w++) {
    if (min === -(2 ** (w - 1)) && max === 2 ** (w - 1) - 1) return w;
  }
  return null;
}
