/**
 * The bit-packed bitstream: 32 bits per `Uint32Array` word, bit `i` at bit `i & 31` of word
 * `i >>> 5` (least significant bit first).
 *
 * Invariant: `words.length === wordCount(length)` and the unused tail bits of the last word are
 * zero. Every operation in this folder keeps it, so `popcount` never needs a mask and two
 * streams holding the same bits are equal word for word, whatever produced them.
 */

/** A stream of `length` bits packed into `words`. */
export interface Bitstream {
  /** Number of bits. */
  readonly length: number;
  /** `wordCount(length)` words; the bits past `length` in the last word are zero. */
  readonly words: Uint32Array;
}

/** Words needed for `length` bits. */
export function wordCount(length: number): number {
  return (length + 31) >>> 5;
}

/**
 * Mask of the bits of the last word that belong to the stream (all ones when `length` is a
 * multiple of 32, including 0, where there is no last word to mask).
 */
export function tailMask(length: number): number {
  const used = length & 31;
  return used === 0 ? 0xffffffff : (1 << used) - 1;
}

/** An all-zero stream of `length` bits. */
export function createBitstream(length: number): Bitstream {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`bitstream length must be a non-negative integer, got ${length}`);
  }
  return { length, words: new Uint32Array(wordCount(length)) };
}

/**
 * Clear the tail bits of the last word in place. Word kernels work on whole words; the
 * stream-level operations call this once at the end so the invariant holds.
 */
export function clearTail(stream: Bitstream): void {
  const last = stream.words.length - 1;
  if (last < 0) return;
  stream.words[last] = ((stream.words[last] as number) & tailMask(stream.length)) >>> 0;
}

/** Whether the tail bits are zero (the invariant; tests check it after every operation). */
export function tailIsZero(stream: Bitstream): boolean {
  const last = stream.words.length - 1;
  if (last < 0) return true;
  return ((stream.words[last] as number) & ~tailMask(stream.length)) >>> 0 === 0;
}

/** Bit `i` (0 or 1). */
export function getBit(stream: Bitstream, i: number): number {
  return ((stream.words[i >>> 5] as number) >>> (i & 31)) & 1;
}

/** Set bit `i` to 1 (`i < length`, so the tail stays zero). */
export function setBit(stream: Bitstream, i: number): void {
  const w = i >>> 5;
  stream.words[w] = ((stream.words[w] as number) | (1 << (i & 31))) >>> 0;
}

/**
 * Pack an array of 0/1 values (any non-zero counts as 1).
 *
 * @example
 * bitstreamFromBits([1, 0, 1]).words[0] === 0b101
 */
export function bitstreamFromBits(bits: ArrayLike<number>): Bitstream {
  const stream = createBitstream(bits.length);
  for (let i = 0; i < bits.length; i++) if (bits[i]) setBit(stream, i);
  return stream;
}

/** Unpack to one byte per bit. */
export function bitstreamToBits(stream: Bitstream): Uint8Array {
  const out = new Uint8Array(stream.length);
  for (let i = 0; i < stream.length; i++) out[i] = getBit(stream, i);
  return out;
}

/** Throw unless the streams have the same length (gates combine bit i with bit i). */
export function assertSameLength(...streams: readonly Bitstream[]): number {
  const first = streams[0];
  if (!first) throw new RangeError('no bitstreams given');
  for (const s of streams) {
    if (s.length !== first.length) {
      throw new RangeError(`bitstream lengths differ: ${first.length} and ${s.length}`);
    }
  }
  return first.length;
}
