/**
 * `exp32(x)`: the engine's one float32 exponential, so the AdEx spike term is bit-identical on
 * every backend (`Math.exp` is double and engine-specific, AssemblyScript's `Mathf.exp` is
 * another algorithm). The algorithm is the spec in `src/engine/CONTEXT.md` ("exp32"); this is
 * its reference implementation, every operation rounded to float32 with `Math.fround`:
 *
 * ```
 * x < -87 -> 0;   x > 88 -> +Infinity;   NaN -> NaN
 * n = floor(x * LOG2E + 0.5)                    (|n| <= 127, so 2^n is a normal float32)
 * r = (x - n * LN2_HI) - n * LN2_LO             (n * LN2_HI is exact: LN2_HI has 15 bits)
 * p = 1 + r*(1 + r*(1/2 + r*(1/6 + r*(1/24 + r*(1/120 + r*(1/720 + r/5040))))))  (Horner)
 * exp32 = p * 2^n                               (exact scaling)
 * ```
 *
 * |r| <= ln2/2 + rounding, where the degree-7 Taylor remainder is below 5e-9 relative, so the
 * error is the float32 rounding of the few operations: measured within 2 ulp of `Math.exp`
 * over [-87, 88] (tests/unit/engine/exp32.test.ts).
 */

const f = Math.fround;

/** float32 constants of exp32 (also written out in assembly/exp32.ts). */
export const EXP32 = {
  LOG2E: f(1.4426950408889634),
  /** 0x3f317200: ln 2 to 15 significant bits, so n * LN2_HI is exact for |n| <= 256. */
  LN2_HI: f(0.693145751953125),
  /** f(ln 2 - LN2_HI) */
  LN2_LO: f(Math.LN2 - 0.693145751953125),
  /** 1/k! for k = 2..7, rounded to float32. */
  C2: f(1 / 2),
  C3: f(1 / 6),
  C4: f(1 / 24),
  C5: f(1 / 120),
  C6: f(1 / 720),
  C7: f(1 / 5040),
  /** Below this exp32 is 0, above MAX it is +Infinity. */
  MIN: -87,
  MAX: 88,
} as const;

/**
 * float32 exponential of the engine (see the file comment for the algorithm and error bound).
 *
 * @example exp32(0) // 1
 */
export function exp32(x: number): number {
  x = f(x);
  if (x < EXP32.MIN) return 0;
  if (x > EXP32.MAX) return Infinity;
  if (x !== x) return NaN;
  const n = Math.floor(f(f(x * EXP32.LOG2E) + 0.5));
  const r = f(f(x - f(n * EXP32.LN2_HI)) - f(n * EXP32.LN2_LO));
  let p = EXP32.C7;
  p = f(f(p * r) + EXP32.C6);
  p = f(f(p * r) + EXP32.C5);
  p = f(f(p * r) + EXP32.C4);
  p = f(f(p * r) + EXP32.C3);
  p = f(f(p * r) + EXP32.C2);
  p = f(f(p * r) + 1);
  p = f(f(p * r) + 1);
  // p in [0.7, 1.42] times a power of two: exact in double, so one fround is the f32 product.
  return f(p * 2 ** n);
}
