/**
 * Layout of the drawn bits: the first few bits of aligned streams, cut into blocks of equal
 * width so bit i of every stream sits in the same column (the AND gate's inputs and output
 * line up vertically).
 */
import { getBit, type Bitstream } from '../../../engine/sc/index.ts';

/** One block: bits `start .. start + count - 1` of every stream. */
export interface BitBlock {
  start: number;
  count: number;
}

/**
 * Blocks of at most `perRow` bits covering the first `shown` bits.
 *
 * @example
 * bitBlocks(100, 64) // [{ start: 0, count: 64 }, { start: 64, count: 36 }]
 */
export function bitBlocks(shown: number, perRow: number): BitBlock[] {
  if (!(perRow >= 1)) throw new RangeError(`bits per row must be at least 1, got ${perRow}`);
  const blocks: BitBlock[] = [];
  for (let start = 0; start < shown; start += perRow) {
    blocks.push({ start, count: Math.min(perRow, shown - start) });
  }
  return blocks;
}

/** The first `count` bits of a stream (fewer if the stream is shorter), one byte per bit. */
export function firstBits(stream: Bitstream, count: number): Uint8Array {
  const n = Math.min(count, stream.length);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = getBit(stream, i);
  return out;
}

/** Ones among `bits`. */
export function countOnes(bits: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) n += bits[i] ? 1 : 0;
  return n;
}
