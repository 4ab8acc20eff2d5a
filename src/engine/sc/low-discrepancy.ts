/**
 * Low-discrepancy stochastic number generators: the first two dimensions of the Sobol sequence
 * in base 2, as k-bit integers, fed to a k-bit comparator.
 *
 * - Dimension 1 is the van der Corput sequence: point i is i with its k bits reversed.
 * - Dimension 2 uses the direction numbers of the primitive polynomial x + 1 (all m_j = 1):
 *   V_0 = 2^(k-1), V_(j+1) = V_j ^ (V_j >> 1) (the rows of Pascal's triangle mod 2), and point
 *   i is the XOR of V_j over the set bits j of i.
 *
 * For i < 2^k each dimension is a permutation of 0..2^k-1, so a stream of 2^k bits holds
 * exactly `round(p 2^k)` ones; and the pair is a (0, k, 2)-net, so ANDing a dimension-1 stream
 * with a dimension-2 stream multiplies exactly for dyadic values (no correlation error, unlike
 * two comparators on one sequence). Points are taken in natural order (not Gray code) so point i
 * depends on i alone, as in a counter-driven hardware generator.
 */
import { createBitstream } from './bitstream.ts';
import type { Bitstream } from './bitstream.ts';

/** Sobol dimension (1 = van der Corput, 2 = the decorrelated partner). */
export type SobolDimension = 1 | 2;

/** Resolution k of a stream of `length` bits: the smallest k >= 1 with 2^k >= length. */
export function sobolResolution(length: number): number {
  let k = 1;
  while (2 ** k < length) k++;
  if (k > 31) throw new RangeError(`stream too long for a low-discrepancy comparator: ${length}`);
  return k;
}

/** Reverse the low `k` bits of `i` (van der Corput point i as a k-bit integer). */
export function reverseBits(i: number, k: number): number {
  let x = i >>> 0;
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  x = (x >>> 16) | (x << 16);
  return (x >>> 0) >>> (32 - k);
}

/** Direction numbers of Sobol dimension 2 at resolution k (`V_j` for j = 0..k-1). */
export function sobol2Directions(k: number): Uint32Array {
  const v = new Uint32Array(k);
  let d = 2 ** (k - 1);
  for (let j = 0; j < k; j++) {
    v[j] = d;
    d = (d ^ (d >>> 1)) >>> 0;
  }
  return v;
}

/** XOR of the direction numbers `v[j]` over the set bits j of `i`. */
function xorDirections(i: number, v: Uint32Array): number {
  let x = 0;
  for (let j = 0; j < v.length; j++) if ((i >>> j) & 1) x ^= v[j] as number;
  return x >>> 0;
}

/** Point i of the given dimension as a k-bit integer. */
export function sobolPoint(i: number, k: number, dimension: SobolDimension): number {
  return dimension === 1 ? reverseBits(i, k) : xorDirections(i, sobol2Directions(k));
}

/**
 * A low-discrepancy stream: bit i is `point_i < round(p 2^k)` with k = `sobolResolution(length)`.
 *
 * @example
 * popcount(sobolBitstream(0.3, 1024)) === Math.round(0.3 * 1024) // 307, exactly
 */
export function sobolBitstream(
  p: number,
  length: number,
  dimension: SobolDimension = 1,
): Bitstream {
  const k = sobolResolution(length);
  const threshold = Math.round(Math.min(1, Math.max(0, p)) * 2 ** k);
  const out = createBitstream(length);
  const v = sobol2Directions(k);
  for (let i = 0; i < length; i++) {
    const x = dimension === 1 ? reverseBits(i, k) : xorDirections(i, v);
    if (x < threshold)
      out.words[i >>> 5] = ((out.words[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
  }
  return out;
}
