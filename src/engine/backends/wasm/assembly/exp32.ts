// exp32 of src/engine/exp32.ts (the spec is in src/engine/CONTEXT.md, step 2d), operation for
// operation in f32: the AdEx spike term must be bit-identical with the reference.

const LOG2E: f32 = 1.4426950408889634;
/** ln 2 to 15 significant bits (0x3f317200), so n * LN2_HI is exact. */
const LN2_HI: f32 = 0.693145751953125;
// Each constant is the double value of the reference rounded once to f32. Written as literals:
// AssemblyScript folds `<f32>(a - b)` in f32, which is not fround of the double difference.
/** fround(ln 2 - LN2_HI) */
const LN2_LO: f32 = 1.4286068202862268e-6;
/** fround(1/k!) for k = 2..7 */
const C2: f32 = 0.5;
const C3: f32 = 0.16666666666666666;
const C4: f32 = 0.041666666666666664;
const C5: f32 = 0.008333333333333333;
const C6: f32 = 0.001388888888888889;
const C7: f32 = 0.0001984126984126984;

/** e^x in f32: 0 below -87, +Infinity above 88, NaN for NaN; within 2 ulp elsewhere. */
export function exp32(x: f32): f32 {
  if (x < -87) return 0;
  if (x > 88) return Infinity;
  if (x != x) return x;
  const n = Mathf.floor(x * LOG2E + <f32>0.5);
  const r = x - n * LN2_HI - n * LN2_LO;
  let p = C7;
  p = p * r + C6;
  p = p * r + C5;
  p = p * r + C4;
  p = p * r + C3;
  p = p * r + C2;
  p = p * r + <f32>1;
  p = p * r + <f32>1;
  // 2^n built from its exponent bits: exact, |n| <= 127 on this domain.
  return p * reinterpret<f32>((<i32>n + 127) << 23);
}

/**
 * exp32 on four lanes: the same f32 operations lane by lane; the domain edges (0 below -87,
 * +Infinity above 88, NaN kept) are selected after the polynomial, whose out-of-domain lanes
 * are discarded (their exponent is clamped only so that the bit build stays harmless).
 */
export function exp32x4(x: v128): v128 {
  const n = f32x4.floor(f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E)), f32x4.splat(0.5)));
  const r = f32x4.sub(
    f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI))),
    f32x4.mul(n, f32x4.splat(LN2_LO)),
  );
  let p = f32x4.splat(C7);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(C6));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(C5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(C4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(C3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(C2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  const e = i32x4.max_s(
    i32x4.min_s(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)),
    i32x4.splat(-126),
  );
  let y = f32x4.mul(p, i32x4.shl(i32x4.add(e, i32x4.splat(127)), 23));
  y = v128.bitselect(f32x4.splat(0), y, f32x4.lt(x, f32x4.splat(-87)));
  y = v128.bitselect(f32x4.splat(Infinity), y, f32x4.gt(x, f32x4.splat(88)));
  return v128.bitselect(x, y, f32x4.ne(x, x));
}

/** Lane 0 of exp32x4 on a splat: lets the tests check the vector path input by input. */
export function exp32Vector(x: f32): f32 {
  return f32x4.extract_lane(exp32x4(f32x4.splat(x)), 0);
}
