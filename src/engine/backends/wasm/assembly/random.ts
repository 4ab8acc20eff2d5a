// The counter-based generator of src/engine/random.ts, bit for bit: lowbias32 with wrapping
// 32-bit multiplies, scalar for per-step keys and four lanes at a time for per-neuron draws.

/** mix32 of random.ts. */
export function mix32(x: u32): u32 {
  x ^= x >> 16;
  x *= 0x7feb352d;
  x ^= x >> 15;
  x *= 0x846ca68b;
  x ^= x >> 16;
  return x;
}

/** stepKey of random.ts: the key of one step of a stream. */
export function stepKey(key: u32, step: i32): u32 {
  return mix32(key ^ (<u32>step));
}

/** mix32 on four lanes. */
export function mix32x4(x: v128): v128 {
  x = v128.xor(x, i32x4.shr_u(x, 16));
  x = i32x4.mul(x, i32x4.splat(0x7feb352d));
  x = v128.xor(x, i32x4.shr_u(x, 15));
  x = i32x4.mul(x, i32x4.splat(<i32>0x846ca68b));
  x = v128.xor(x, i32x4.shr_u(x, 16));
  return x;
}

/** draw24 of neurons j..j+3: `mix32(stepKey + neuron) >>> 8`. */
export function draw24x4(key: u32, j: i32): v128 {
  const x = i32x4.add(i32x4.splat(<i32>key + j), i32x4(0, 1, 2, 3));
  return i32x4.shr_u(mix32x4(x), 8);
}

/**
 * gaussianFromBits of random.ts on four lanes: `lo + f*(hi-lo)` with the table knots around the
 * top 12 bits and `f` the bottom 12 bits over 4096, each operation in f32. WebAssembly has no
 * gather, so the eight knots are loaded lane by lane.
 */
export function gaussian24x4(bits: v128, table: usize): v128 {
  const idx = i32x4.shl(i32x4.shr_u(bits, 12), 2);
  const f = f32x4.mul(
    f32x4.convert_i32x4_s(v128.and(bits, i32x4.splat(4095))),
    f32x4.splat(<f32>(1.0 / 4096.0)),
  );
  const p0 = table + <usize>i32x4.extract_lane(idx, 0);
  const p1 = table + <usize>i32x4.extract_lane(idx, 1);
  const p2 = table + <usize>i32x4.extract_lane(idx, 2);
  const p3 = table + <usize>i32x4.extract_lane(idx, 3);
  let lo = v128.load32_zero(p0);
  lo = v128.load32_lane(p1, lo, 1);
  lo = v128.load32_lane(p2, lo, 2);
  lo = v128.load32_lane(p3, lo, 3);
  let hi = v128.load32_zero(p0, 4);
  hi = v128.load32_lane(p1, hi, 1, 4);
  hi = v128.load32_lane(p2, hi, 2, 4);
  hi = v128.load32_lane(p3, hi, 3, 4);
  return f32x4.add(lo, f32x4.mul(f, f32x4.sub(hi, lo)));
}
