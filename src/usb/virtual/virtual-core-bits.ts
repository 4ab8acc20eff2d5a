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
  // ToUint32 is x mod 2^32 for any finite x; the mask then keeps the low bits.
  const u = x >>> 0;
  return bits >= 32 ? u : u % 2 ** bits;
}

/**
 * The low `bits` bits of `x` read as two's complement (bits 1..32).
 *
 * @example signExtend(0xffffff, 24) // -1
 */
export function signExtend(x: number, bits: number): number {
  const u = lowBits(x, bits);
  return u >= 2 ** (bits - 1) ? u - 2 ** bits : u;
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
