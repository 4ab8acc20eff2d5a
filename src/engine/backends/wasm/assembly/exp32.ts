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
