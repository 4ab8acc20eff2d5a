// log32 of src/engine/log32.ts (the spec is in src/engine/CONTEXT.md, step 2e), operation for
// operation in f32: DynapSim's Vmem must be bit-identical with the reference.

// Each constant is the double value of the reference rounded once to f32 (literals, as in
// exp32.ts: AssemblyScript folds f32 expressions in f32).
/** fround(sqrt 2) */
const SQRT2: f32 = 1.4142135623730951;
/** ln 2 to 15 significant bits (0x3f317200), so e * LN2_HI is exact. */
const LN2_HI: f32 = 0.693145751953125;
/** fround(ln 2 - LN2_HI) */
const LN2_LO: f32 = 1.4286068202862268e-6;
/** fround(2/k) for k = 3, 5, 7, 9 */
const C3: f32 = 0.6666666666666666;
const C5: f32 = 0.4;
const C7: f32 = 0.2857142857142857;
const C9: f32 = 0.2222222222222222;
/** The smallest normal f32, 2^-126. */
const MIN_NORMAL: f32 = 1.1754943508222875e-38;

/** ln x in f32: NaN below 0 and for NaN, -Infinity at 0, +Infinity at +Infinity; 2 ulp. */
export function log32(x: f32): f32 {
  if (x != x || x < 0) return NaN;
  if (x == 0) return -Infinity;
  if (x == Infinity) return Infinity;
  let e: i32 = 0;
  if (x < MIN_NORMAL) {
    x = x * <f32>8388608;
    e = -23;
  }
  const b = reinterpret<u32>(x);
  e += <i32>((b >> 23) & 0xff) - 127;
  let m = reinterpret<f32>((b & 0x7fffff) | 0x3f800000);
  if (m > SQRT2) {
    m = m * <f32>0.5;
    e += 1;
  }
  const fm = m - <f32>1;
  const s = fm / (<f32>2 + fm);
  const z = s * s;
  let q = C9;
  q = q * z + C7;
  q = q * z + C5;
  q = q * z + C3;
  const r = <f32>2 * s + s * z * q;
  const ef = <f32>e;
  return ef * LN2_HI + (ef * LN2_LO + r);
}

/**
 * log32 on four lanes: the same f32 operations lane by lane; the edges (NaN below 0 and for
 * NaN, -Infinity at 0, +Infinity at +Infinity) are selected after the polynomial, whose lanes
 * there are discarded.
 */
export function log32x4(x: v128): v128 {
  const sub = f32x4.lt(x, f32x4.splat(MIN_NORMAL));
  const xs = v128.bitselect(f32x4.mul(x, f32x4.splat(8388608)), x, sub);
  let e = i32x4.sub(v128.and(i32x4.shr_u(xs, 23), i32x4.splat(0xff)), i32x4.splat(127));
  e = v128.bitselect(i32x4.sub(e, i32x4.splat(23)), e, sub);
  let m = v128.or(v128.and(xs, i32x4.splat(0x7fffff)), i32x4.splat(0x3f800000));
  const big = f32x4.gt(m, f32x4.splat(SQRT2));
  m = v128.bitselect(f32x4.mul(m, f32x4.splat(0.5)), m, big);
  // `big` lanes are -1: subtracting adds one to their exponent.
  e = i32x4.sub(e, big);
  const fm = f32x4.sub(m, f32x4.splat(1));
  const s = f32x4.div(fm, f32x4.add(f32x4.splat(2), fm));
  const z = f32x4.mul(s, s);
  let q = f32x4.splat(C9);
  q = f32x4.add(f32x4.mul(q, z), f32x4.splat(C7));
  q = f32x4.add(f32x4.mul(q, z), f32x4.splat(C5));
  q = f32x4.add(f32x4.mul(q, z), f32x4.splat(C3));
  const r = f32x4.add(f32x4.mul(f32x4.splat(2), s), f32x4.mul(f32x4.mul(s, z), q));
  const ef = f32x4.convert_i32x4_s(e);
  let y = f32x4.add(
    f32x4.mul(ef, f32x4.splat(LN2_HI)),
    f32x4.add(f32x4.mul(ef, f32x4.splat(LN2_LO)), r),
  );
  y = v128.bitselect(f32x4.splat(-Infinity), y, f32x4.eq(x, f32x4.splat(0)));
  y = v128.bitselect(f32x4.splat(Infinity), y, f32x4.eq(x, f32x4.splat(Infinity)));
  const nan = v128.or(f32x4.lt(x, f32x4.splat(0)), f32x4.ne(x, x));
  return v128.bitselect(f32x4.splat(NaN), y, nan);
}

/** Lane 0 of log32x4 on a splat: lets the tests check the vector path input by input. */
export function log32Vector(x: f32): f32 {
  return f32x4.extract_lane(log32x4(f32x4.splat(x)), 0);
}
