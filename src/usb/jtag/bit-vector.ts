/**
 * JTAG shifts bit vectors least significant bit first; these pack them into bytes (bit i of the
 * vector is bit i % 8 of byte i / 8), the order MPSSE's LSB-first commands use.
 */

/** An empty vector of `length` bits. */
export function bitVector(length: number): Uint8Array {
  return new Uint8Array(Math.ceil(length / 8));
}

export function getBit(bits: Uint8Array, i: number): 0 | 1 {
  return (((bits[i >>> 3] ?? 0) >>> (i & 7)) & 1) as 0 | 1;
}

export function setBit(bits: Uint8Array, i: number, value: 0 | 1): void {
  const byte = bits[i >>> 3] ?? 0;
  bits[i >>> 3] = value ? byte | (1 << (i & 7)) : byte & ~(1 << (i & 7));
}

/** The low `length` bits (at most 32) of `value`. */
export function bitsFromNumber(value: number, length: number): Uint8Array {
  const bits = bitVector(length);
  for (let i = 0; i < length; i += 1) setBit(bits, i, ((value >>> i) & 1) as 0 | 1);
  return bits;
}

/** Bits `start .. start + length - 1` (length at most 32) as an unsigned number. */
export function numberFromBits(bits: Uint8Array, start: number, length: number): number {
  let value = 0;
  for (let i = length - 1; i >= 0; i -= 1) value = value * 2 + getBit(bits, start + i);
  return value;
}

/** A vector of `length` ones. */
export function onesVector(length: number): Uint8Array {
  const bits = bitVector(length);
  for (let i = 0; i < length; i += 1) setBit(bits, i, 1);
  return bits;
}
