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
