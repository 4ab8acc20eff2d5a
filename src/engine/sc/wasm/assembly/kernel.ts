// Stochastic-computing word kernels: the gates and counters of ../../word-kernels.ts over
// bit-packed streams in linear memory, four words per v128 step. Every stream is `length` bits
// in `ceil(length / 32)` 32-bit words at a 16-byte-aligned address laid out by the host
// (../module.ts); gates clear the unused tail bits of their output, so the invariant of
// ../../bitstream.ts holds for whatever the inputs' tails held. The module allocates nothing.

/** First byte the host may use: everything above the module's own static data. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}

function wordCount(length: i32): i32 {
  return (length + 31) >>> 5;
}

/** Zeroes the bits of the last word past `length` (none when `length` is a multiple of 32). */
function clearTail(out: usize, length: i32): void {
  const used = length & 31;
  if (used == 0) return;
  const at = out + ((<usize>wordCount(length) - 1) << 2);
  store<u32>(at, load<u32>(at) & (((<u32>1) << used) - 1));
}

/** out = a & b: stochastic multiplication. */
export function and(a: usize, b: usize, out: usize, length: i32): void {
  const n = wordCount(length);
  const vecEnd = (<usize>(n >>> 2)) << 4;
  for (let o: usize = 0; o < vecEnd; o += 16) {
    v128.store(out + o, v128.and(v128.load(a + o), v128.load(b + o)));
  }
  for (let o = vecEnd; o < (<usize>n) << 2; o += 4) {
    store<u32>(out + o, load<u32>(a + o) & load<u32>(b + o));
  }
  clearTail(out, length);
}

/** out = a | b: saturating addition. */
export function or(a: usize, b: usize, out: usize, length: i32): void {
  const n = wordCount(length);
  const vecEnd = (<usize>(n >>> 2)) << 4;
  for (let o: usize = 0; o < vecEnd; o += 16) {
    v128.store(out + o, v128.or(v128.load(a + o), v128.load(b + o)));
  }
  for (let o = vecEnd; o < (<usize>n) << 2; o += 4) {
    store<u32>(out + o, load<u32>(a + o) | load<u32>(b + o));
  }
  clearTail(out, length);
}

/** out = a ^ b. */
export function xor(a: usize, b: usize, out: usize, length: i32): void {
  const n = wordCount(length);
  const vecEnd = (<usize>(n >>> 2)) << 4;
  for (let o: usize = 0; o < vecEnd; o += 16) {
    v128.store(out + o, v128.xor(v128.load(a + o), v128.load(b + o)));
  }
  for (let o = vecEnd; o < (<usize>n) << 2; o += 4) {
    store<u32>(out + o, load<u32>(a + o) ^ load<u32>(b + o));
  }
  clearTail(out, length);
}

/** out = ~a: 1 - p (the tail, set by the complement, is cleared). */
export function not(a: usize, out: usize, length: i32): void {
  const n = wordCount(length);
  const vecEnd = (<usize>(n >>> 2)) << 4;
  for (let o: usize = 0; o < vecEnd; o += 16) {
    v128.store(out + o, v128.not(v128.load(a + o)));
  }
  for (let o = vecEnd; o < (<usize>n) << 2; o += 4) {
    store<u32>(out + o, ~load<u32>(a + o));
  }
  clearTail(out, length);
}

/** out = (a & ~s) | (b & s): bit of `b` where the select bit is 1 (scaled addition). */
export function mux(a: usize, b: usize, s: usize, out: usize, length: i32): void {
  const n = wordCount(length);
  const vecEnd = (<usize>(n >>> 2)) << 4;
  for (let o: usize = 0; o < vecEnd; o += 16) {
    // bitselect(x, y, m) takes x where m is 1 and y where it is 0.
    v128.store(out + o, v128.bitselect(v128.load(b + o), v128.load(a + o), v128.load(s + o)));
  }
  for (let o = vecEnd; o < (<usize>n) << 2; o += 4) {
    const sel = load<u32>(s + o);
    store<u32>(out + o, (load<u32>(a + o) & ~sel) | (load<u32>(b + o) & sel));
  }
  clearTail(out, length);
}

// Byte counts from i8x16.popcnt are at most 8, so up to 31 of them add in a byte lane without
// overflow (248 < 256) before the lanes are widened and summed. Two accumulators, two vectors a
// step: a count's add chain is the bottleneck with one (measured about 40 against 80-100
// Gbit/s for AND+popcount in Node on x86; four were no faster).
const BLOCK: usize = 31 << 5;

/** Sum of the 16 byte lanes, widened through u16 and u32 lanes. */
function sumBytes(acc: v128): i64 {
  const s = i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(acc));
  return <i64>(
    (i32x4.extract_lane(s, 0) +
      i32x4.extract_lane(s, 1) +
      i32x4.extract_lane(s, 2) +
      i32x4.extract_lane(s, 3))
  );
}

/**
 * Set bits of the stream. f64 rather than i64 keeps the JavaScript side free of BigInt; counts
 * stay exact up to 2^53, far beyond any stream linear memory can hold.
 */
export function popcount(a: usize, length: i32): f64 {
  const bytes = (<usize>wordCount(length)) << 2;
  const pairEnd = bytes & ~(<usize>31);
  let total: i64 = 0;
  let o: usize = 0;
  while (o < pairEnd) {
    const end = min(o + BLOCK, pairEnd);
    let acc0 = i8x16.splat(0);
    let acc1 = i8x16.splat(0);
    for (; o < end; o += 32) {
      acc0 = i8x16.add(acc0, i8x16.popcnt(v128.load(a + o)));
      acc1 = i8x16.add(acc1, i8x16.popcnt(v128.load(a + o, 16)));
    }
    total += sumBytes(acc0) + sumBytes(acc1);
  }
  // Up to seven words left over.
  for (; o < bytes; o += 4) total += <i64>popcnt<u32>(load<u32>(a + o));
  return <f64>total;
}

/**
 * Set bits of `a & b`, without storing the product: multiply and decode in one pass (the loop
 * of `popcount` with the AND in front of each count).
 */
export function andPopcount(a: usize, b: usize, length: i32): f64 {
  const bytes = (<usize>wordCount(length)) << 2;
  const pairEnd = bytes & ~(<usize>31);
  let total: i64 = 0;
  let o: usize = 0;
  while (o < pairEnd) {
    const end = min(o + BLOCK, pairEnd);
    let acc0 = i8x16.splat(0);
    let acc1 = i8x16.splat(0);
    for (; o < end; o += 32) {
      acc0 = i8x16.add(acc0, i8x16.popcnt(v128.and(v128.load(a + o), v128.load(b + o))));
      acc1 = i8x16.add(acc1, i8x16.popcnt(v128.and(v128.load(a + o, 16), v128.load(b + o, 16))));
    }
    total += sumBytes(acc0) + sumBytes(acc1);
  }
  for (; o < bytes; o += 4) total += <i64>popcnt<u32>(load<u32>(a + o) & load<u32>(b + o));
  return <f64>total;
}
