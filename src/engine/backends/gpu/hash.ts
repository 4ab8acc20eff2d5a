/**
 * `draw24` of `random.ts`, as kernel helper sources.
 *
 * Kernels hold every value in float32, which cannot carry a 32-bit key, so a key travels as two
 * 16-bit halves (`hi`, `lo`) and is rebuilt inside the helper. The hash itself must be exact
 * 32-bit integer arithmetic in every mode, and gpu.js makes that delicate:
 *
 * - gpu.js types a local `const h = <integer expression>` as Number, i.e. float32 on webasm and
 *   webgpu, which drops the low bits of a 32-bit value. Only helper parameters and return values
 *   declared `Integer` stay i32, so the hash is a chain of one-parameter helpers, no locals.
 * - `Math.imul` is lowered through float32 on webasm and webgpu (inexact), so the multiply is
 *   written as 16-bit limbs, `x*lo + ((x*hi) << 16)`: exact in JavaScript doubles (cpu mode: every
 *   partial product stays below 2^53 and `<<`, `^`, `>>>` reduce modulo 2^32) and exact in wrapping
 *   i32 arithmetic (webasm, WGSL), since both agree modulo 2^32.
 * - The GLSL that gpu.js emits for `^` and `>>>` on WebGL2 is a float loop that is wrong for
 *   negative operands, so WebGL2 gets a native GLSL version in `uint` arithmetic instead.
 */
import type { GpuFunctionSource } from './gpujs.ts';

const INT = 'Integer';
const NUM = 'Number';

/** Helpers in plain JavaScript, for the cpu, webasm and webgpu modes. Order: callees first. */
export const JS_HASH_FUNCTIONS: readonly GpuFunctionSource[] = [
  {
    source: 'function hashXs16(x) { return x ^ (x >>> 16); }',
    argumentTypes: { x: INT },
    returnType: INT,
  },
  {
    source: 'function hashXs15(x) { return x ^ (x >>> 15); }',
    argumentTypes: { x: INT },
    returnType: INT,
  },
  // 0x7feb352d and 0x846ca68b of mix32, split into 16-bit limbs.
  {
    source: 'function hashMulA(x) { return (x * 13613 + ((x * 32747) << 16)) | 0; }',
    argumentTypes: { x: INT },
    returnType: INT,
  },
  {
    source: 'function hashMulB(x) { return (x * 42635 + ((x * 33900) << 16)) | 0; }',
    argumentTypes: { x: INT },
    returnType: INT,
  },
  {
    source:
      'function hashDraw24i(key, idx) {' +
      ' return hashXs16(hashMulB(hashXs15(hashMulA(hashXs16(key + idx))))) >>> 8; }',
    argumentTypes: { key: INT, idx: INT },
    returnType: INT,
  },
  {
    source: 'function hashJoin(hi, lo) { return (hi << 16) | lo; }',
    argumentTypes: { hi: INT, lo: INT },
    returnType: INT,
  },
  {
    source: 'function draw24(hi, lo, idx) { return hashDraw24i(hashJoin(hi, lo), idx); }',
    argumentTypes: { hi: NUM, lo: NUM, idx: NUM },
    returnType: NUM,
  },
];

/** The same `draw24(hi, lo, idx)` in GLSL ES 3.00 (`uint` arithmetic wraps modulo 2^32). */
export const GLSL_DRAW24 = `float draw24(float hi, float lo, float idx) {
  uint x = ((uint(hi) << 16u) | uint(lo)) + uint(idx);
  x ^= x >> 16u;
  x *= 0x7feb352du;
  x ^= x >> 15u;
  x *= 0x846ca68bu;
  x ^= x >> 16u;
  return float(x >> 8u);
}`;

/** Splits a 32-bit key into the halves the kernels take. */
export function splitKey(key: number): { hi: number; lo: number } {
  return { hi: key >>> 16, lo: key & 0xffff };
}
