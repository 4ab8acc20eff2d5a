/**
 * `exp32` of `src/engine/exp32.ts` as gpu.js kernel helpers, for the AdEx branch of the neuron
 * kernel (classic-kernels.ts; added to the gpu.js context only for plans with AdEx). Every
 * operation sits in `Math.fround`, so gpu.js' cpu mode rounds as the reference does; webasm
 * computes in f32 natively. gpu.js kernels cannot reinterpret bits, so
 * `2^n` is built by binary decomposition from exact powers of two (2, 4, 16, ..., 2^64, or 1/2,
 * 1/4, ..., 2^-64 for n < 0): every product is exact down to 2^-126 (n >= -126 here), so the
 * scale equals the reference's. No division: GPU float division need not be correctly rounded.
 * Constants are written as the exact float32 values of the reference's (the double literal of
 * an f32 value), so cpu mode, which computes in doubles between frounds, uses the same numbers.
 * Above 88 the result overflows to +Infinity by multiplication (no Infinity literal in GLSL).
 */
import type { GpuFunctionSource } from './gpujs.ts';

const NUM = 'Number';

/** Helpers, callees first: `exp32Pow2(n)` (n an integer in [-126, 127]) and `exp32(x)`. */
export const EXP32_FUNCTIONS: readonly GpuFunctionSource[] = [
  {
    source: `function exp32Pow2(n) {
      let m = Math.abs(n);
      let s = 1.0;
      let b = 2.0;
      if (n < 0.0) { b = 0.5; }
      for (let k = 0; k < 7; k++) {
        const half = Math.floor(m * 0.5);
        if (m - half * 2.0 > 0.5) { s = Math.fround(s * b); }
        b = Math.fround(b * b);
        m = half;
      }
      return s;
    }`,
    argumentTypes: { n: NUM },
    returnType: NUM,
  },
  {
    source: `function exp32(x) {
      if (x < -87.0) { return 0.0; }
      if (x > 88.0) { return Math.fround(Math.fround(x * 1e30) * 1e30); }
      const n = Math.floor(Math.fround(Math.fround(x * 1.4426950216293335) + 0.5));
      const r = Math.fround(Math.fround(x - Math.fround(n * 0.693145751953125)) -
        Math.fround(n * 0.000001428606765330187));
      let p = 0.00019841270113829523;
      p = Math.fround(Math.fround(p * r) + 0.0013888889225199819);
      p = Math.fround(Math.fround(p * r) + 0.008333333767950535);
      p = Math.fround(Math.fround(p * r) + 0.0416666679084301);
      p = Math.fround(Math.fround(p * r) + 0.1666666716337204);
      p = Math.fround(Math.fround(p * r) + 0.5);
      p = Math.fround(Math.fround(p * r) + 1.0);
      p = Math.fround(Math.fround(p * r) + 1.0);
      return Math.fround(p * exp32Pow2(n));
    }`,
    argumentTypes: { x: NUM },
    returnType: NUM,
  },
];
