/**
 * The engine's float32 exponential against Math.exp (double, rounded once): the bound written
 * in CONTEXT.md must hold over the whole domain, measured on a dense grid of float32 inputs.
 */
import { describe, expect, it } from 'vitest';
import { KERNEL_BASE64 } from '../../../src/engine/backends/wasm/kernel.generated.ts';
import { EXP32, exp32 } from '../../../src/engine/exp32.ts';

const f = Math.fround;

/** Distance in units in the last place of float32 between a float32 and the true value. */
function ulpError(got: number, exact: number): number {
  const rounded = f(exact);
  const bits = new Float32Array([rounded]);
  const asInt = new Int32Array(bits.buffer);
  asInt[0] = (asInt[0] ?? 0) + 1;
  const ulp = (bits[0] ?? 0) - rounded;
  return Math.abs(got - exact) / ulp;
}

describe('exp32', () => {
  it('is within 2 ulp of Math.exp over [-87, 88]', () => {
    let worst = 0;
    let at = 0;
    for (let x = EXP32.MIN; x <= EXP32.MAX; x += 0.000731) {
      const xf = f(x);
      const e = ulpError(exp32(xf), Math.exp(xf));
      if (e > worst) {
        worst = e;
        at = xf;
      }
    }
    expect(worst, `worst at x = ${at}`).toBeLessThanOrEqual(2);
    // The algorithm is not exact either: a bound of 0 would mean the test compares nothing.
    expect(worst).toBeGreaterThan(0.5);
  });

  it('is exact where the polynomial is: exp32(0) = 1, and returns float32 values', () => {
    expect(exp32(0)).toBe(1);
    for (const x of [-10.3, -1, 0.5, 3.7, 40]) expect(f(exp32(x))).toBe(exp32(x));
  });

  it('gives 0 below the domain, +Infinity above it, NaN for NaN', () => {
    expect(exp32(-87.5)).toBe(0);
    expect(exp32(-1e30)).toBe(0);
    expect(exp32(88.5)).toBe(Infinity);
    expect(exp32(Infinity)).toBe(Infinity);
    expect(exp32(NaN)).toBeNaN();
    expect(Number.isFinite(exp32(88))).toBe(true);
    expect(exp32(-87)).toBeGreaterThan(0);
  });

  it('is monotone across range-reduction boundaries (k ln2 / 2)', () => {
    for (let k = -120; k <= 120; k++) {
      const mid = f((k + 0.5) * Math.LN2);
      const below = f(mid - 2e-6 * Math.max(1, Math.abs(mid)));
      const above = f(mid + 2e-6 * Math.max(1, Math.abs(mid)));
      if (mid < EXP32.MIN || mid > EXP32.MAX) continue;
      expect(exp32(below)).toBeLessThanOrEqual(exp32(mid));
      expect(exp32(mid)).toBeLessThanOrEqual(exp32(above));
    }
  });
});

describe('exp32 in the wasm kernel', () => {
  it('is bit for bit the reference exp32, scalar and f32x4, on a dense grid and at the edges', async () => {
    const bytes = Uint8Array.from(atob(KERNEL_BASE64), (c) => c.charCodeAt(0));
    const { instance } = await WebAssembly.instantiate(bytes, {});
    const scalar = instance.exports.exp32 as (x: number) => number;
    const vector = instance.exports.exp32Vector as (x: number) => number;
    let mismatches = 0;
    let first = '';
    const check = (x: number): void => {
      const xf = f(x);
      for (const [name, wasmExp] of [
        ['scalar', scalar],
        ['f32x4', vector],
      ] as const) {
        if (!Object.is(wasmExp(xf), exp32(xf))) {
          mismatches++;
          first ||= `x = ${xf}: wasm ${name} ${wasmExp(xf)}, reference ${exp32(xf)}`;
        }
      }
    };
    for (let x = -90; x <= 90; x += 0.00113) check(x);
    for (const x of [-87, -87.00001, 88, 88.00001, 0, -0, NaN, Infinity, -Infinity]) check(x);
    expect(mismatches, first).toBe(0);
  });
});
