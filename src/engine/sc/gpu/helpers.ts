/**
 * The 16-bit gates and counter the SC kernels call, as gpu.js helper sources.
 *
 * Kernels hold every value in float32, which cannot carry a 32-bit word, so a word travels as
 * two 16-bit halves (exact in float32) and each helper works on one half. Bit operations must be
 * integer operations in every mode, and gpu.js makes that delicate (see
 * `../../backends/gpu/CONTEXT.md` and `hash.ts` there):
 *
 * - Only helper parameters and return values declared `Integer` stay i32 on webasm and webgpu
 *   (a local is typed Number, float32), so each helper is one expression over its parameters.
 *   Here every intermediate value is below 2^16, so even a float32 local would be exact; the
 *   rule is kept because bitwise operators on Number-typed values are not i32 operations.
 * - The GLSL that gpu.js emits for `&`, `|`, `^` and shifts on WebGL2 is a float loop that is
 *   wrong for some operands, so WebGL2 gets the same helpers in native GLSL `uint` arithmetic.
 *
 * NOT needs no helper: `65535 - x` is the complement of a half, exact float arithmetic.
 */
import type { GpuFunctionSource } from '../../backends/gpu/gpujs.ts';

const INT = 'Integer';

/** One JS helper: `name(params) { return body; }`, all parameters and the result Integer. */
function helper(name: string, params: readonly string[], body: string): GpuFunctionSource {
  return {
    source: `function ${name}(${params.join(', ')}) { return ${body}; }`,
    argumentTypes: Object.fromEntries(params.map((p) => [p, INT])),
    returnType: INT,
  };
}

/**
 * Helpers in plain JavaScript for the cpu, webasm and webgpu modes, callees first. The popcount
 * of a half is SWAR: bit pairs, nibbles, then the two bytes (0x5555 = 21845, 0x3333 = 13107,
 * 0x0f0f = 3855; decimal because that is what every gpu.js target language reads alike).
 */
export const JS_SC_FUNCTIONS: readonly GpuFunctionSource[] = [
  helper('scAnd16', ['a', 'b'], 'a & b'),
  helper('scOr16', ['a', 'b'], 'a | b'),
  helper('scXor16', ['a', 'b'], 'a ^ b'),
  helper('scMux16', ['a', 'b', 's'], '(a & (65535 - s)) | (b & s)'),
  helper('scPopPairs', ['x'], 'x - ((x >> 1) & 21845)'),
  helper('scPopNibbles', ['x'], '(x & 13107) + ((x >> 2) & 13107)'),
  helper('scPopBytes', ['x'], '(x + (x >> 4)) & 3855'),
  helper('scPopSum', ['x'], '(x & 255) + (x >> 8)'),
  helper('scPop16', ['x'], 'scPopSum(scPopBytes(scPopNibbles(scPopPairs(x))))'),
];

/** The same helpers in GLSL ES 3.00 for WebGL2 (`uint` arithmetic, exact). */
export const GLSL_SC_FUNCTIONS: readonly { name: string; source: string }[] = [
  {
    name: 'scAnd16',
    source: 'float scAnd16(float a, float b) { return float(uint(a) & uint(b)); }',
  },
  {
    name: 'scOr16',
    source: 'float scOr16(float a, float b) { return float(uint(a) | uint(b)); }',
  },
  {
    name: 'scXor16',
    source: 'float scXor16(float a, float b) { return float(uint(a) ^ uint(b)); }',
  },
  {
    name: 'scMux16',
    source: `float scMux16(float a, float b, float s) {
  uint sel = uint(s);
  return float((uint(a) & (65535u - sel)) | (uint(b) & sel));
}`,
  },
  {
    name: 'scPop16',
    source: `float scPop16(float h) {
  uint x = uint(h);
  x = x - ((x >> 1u) & 21845u);
  x = (x & 13107u) + ((x >> 2u) & 13107u);
  x = (x + (x >> 4u)) & 3855u;
  return float((x & 255u) + (x >> 8u));
}`,
  },
];
