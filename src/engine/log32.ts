/**
 * `log32(x)`: the engine's one float32 natural logarithm, so DynapSim's Vmem is bit-identical on
 * every backend (`Math.log` is double and engine-specific; V8's and AssemblyScript's differ in
 * rare last bits). The spec is in `src/engine/CONTEXT.md` ("log32"); this is its reference
 * implementation, every operation rounded to float32 with `Math.fround`:
 *
 * ```
 * NaN or x < 0 -> NaN;   x == 0 -> -Infinity;   x == +Infinity -> +Infinity
 * subnormal x: x = x * 2^23 (exact), e0 = -23, else e0 = 0
 * x = m * 2^e  from the exponent bits, m in [1, 2);  if m > SQRT2: m = m / 2, e = e + 1
 * f = m - 1                                       (exact: m in [0.7, 1.42])
 * s = f / (2 + f);  z = s * s                     (|s| <= 0.1716, z <= 0.0295)
 * q = C3 + z*(C5 + z*(C7 + z*C9))                 (Horner from C9, Ck = fround(2/k))
 * r = 2s + (s*z)*q                                (log m = 2 atanh s)
 * log32 = e * LN2_HI + (e * LN2_LO + r)           (e * LN2_HI exact: LN2_HI has 15 bits)
 * ```
 *
 * The series' remainder is below z^5 / 11 < 2.1e-9 relative to 2s, so the error is the float32
 * rounding of the few operations: measured within 2 ulp of `Math.log` over every float32 in
 * [2^-126, 2^64] sampled densely, and exact at 1 (tests/unit/engine/log32.test.ts).
 */

const f = Math.fround;

/** float32 constants of log32 (also written out in backends/wasm/assembly/log32.ts). */
export const LOG32 = {
  /** fround(sqrt 2): mantissas above it are halved, so m lies in [0.7071, 1.4142]. */
  SQRT2: f(Math.SQRT2),
  /** 0x3f317200: ln 2 to 15 significant bits, so e * LN2_HI is exact for |e| <= 256. */
  LN2_HI: f(0.693145751953125),
  /** f(ln 2 - LN2_HI) */
  LN2_LO: f(Math.LN2 - 0.693145751953125),
  /** fround(2/k) for k = 3, 5, 7, 9. */
  C3: f(2 / 3),
  C5: f(2 / 5),
  C7: f(2 / 7),
  C9: f(2 / 9),
  /** 2^23, to lift subnormals into the normal range. */
  TWO23: 8388608,
} as const;

const word = new Float32Array(1);
const bits = new Uint32Array(word.buffer);

/**
 * float32 natural logarithm of the engine (see the file comment for the algorithm and error).
 *
 * @example log32(1) // 0
 */
export function log32(x: number): number {
  x = f(x);
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 1.1754943508222875e-38) {
    x = f(x * LOG32.TWO23);
    e = -23;
  }
  word[0] = x;
  const b = bits[0] as number;
  e += ((b >>> 23) & 0xff) - 127;
  bits[0] = (b & 0x7fffff) | 0x3f800000;
  let m = word[0];
  if (m > LOG32.SQRT2) {
    m = f(m * 0.5);
    e += 1;
  }
  const fm = f(m - 1);
  const s = f(fm / f(2 + fm));
  const z = f(s * s);
  let q = LOG32.C9;
  q = f(f(q * z) + LOG32.C7);
  q = f(f(q * z) + LOG32.C5);
  q = f(f(q * z) + LOG32.C3);
  const r = f(f(2 * s) + f(f(s * z) * q));
  return f(f(e * LOG32.LN2_HI) + f(f(e * LOG32.LN2_LO) + r));
}
