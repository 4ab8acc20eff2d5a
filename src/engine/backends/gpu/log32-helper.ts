/**
 * `log32` of `src/engine/log32.ts` as a gpu.js kernel helper, for the Vmem row of DynapSim
 * populations (dynapsim-kernels.ts; added to the gpu.js context only for plans with DynapSim).
 * Every operation sits in `Math.fround`, so gpu.js' cpu mode rounds as the reference does;
 * webasm computes in f32 natively.
 *
 * gpu.js kernels cannot read a float's exponent bits, so `x = m * 2^e` is found by binary
 * search with exact powers of two instead: for x >= 1, x is divided (multiplied by 2^-k) by
 * 2^64, 2^32, ..., 2 wherever it is at least that power; for x < 1 it is multiplied by 2^k
 * wherever the product stays below 2. The greedy steps add up to the exponent (|e| <= 127), and
 * every product is a power-of-two scaling of a normal float32, hence exact: m and e are the
 * reference's. The series' division `f / (2 + f)` is correctly rounded in cpu and webasm modes;
 * GPU division need not be (CONTEXT.md of this folder says what was measured).
 *
 * Special values as the reference: +Infinity gives +Infinity, 0 gives -Infinity (an overflowing
 * product: GLSL has no infinity literal, and WGSL would refuse a constant one), NaN gives NaN
 * (every test below is false for it), x < 0 gives NaN from `sqrt` in cpu and webasm modes (GLSL
 * and WGSL leave sqrt of a negative undefined; DynapSim only takes logs of Imem / Io >= 0).
 */
import { LOG32 } from '../../log32.ts';
import type { GpuFunctionSource } from './gpujs.ts';

/** Powers of two as doubles (exact in float32), written out so every mode reads the same. */
const pow2 = (k: number): string => `${2 ** k}`;

/** Exponent steps of the binary search, largest first (they sum to 127). */
const STEPS = [64, 32, 16, 8, 4, 2, 1] as const;

/** One step of the search for x >= 1: divide by 2^k where x >= 2^k. */
const down = (k: number): string =>
  `if (y >= ${pow2(k)}) { y = Math.fround(y * ${pow2(-k)}); e = e + ${k}.0; }`;

/** One step for x < 1: multiply by 2^k where the product stays below 2 (x < 2^(1-k)). */
const up = (k: number): string =>
  `if (y < ${pow2(1 - k)}) { y = Math.fround(y * ${pow2(k)}); e = e - ${k}.0; }`;

/** The helper `log32(x)` (one Number function, no callees). */
export const LOG32_FUNCTIONS: readonly GpuFunctionSource[] = [
  {
    source: `function log32(x) {
      if (x < 0.0) { return Math.sqrt(x); }
      if (x === 0.0) { return Math.fround(Math.fround(Math.fround(x - 1.0) * 1e30) * 1e30); }
      if (x > 3.4028234663852886e38) { return x; }
      let y = x;
      let e = 0.0;
      if (y < 1.1754943508222875e-38) {
        y = Math.fround(y * ${LOG32.TWO23});
        e = -23.0;
      }
      if (y >= 1.0) {
        ${STEPS.map(down).join('\n        ')}
      } else {
        ${STEPS.map(up).join('\n        ')}
      }
      if (y > ${LOG32.SQRT2}) {
        y = Math.fround(y * 0.5);
        e = e + 1.0;
      }
      const f = Math.fround(y - 1.0);
      const s = Math.fround(f / Math.fround(2.0 + f));
      const z = Math.fround(s * s);
      let q = ${LOG32.C9};
      q = Math.fround(Math.fround(q * z) + ${LOG32.C7});
      q = Math.fround(Math.fround(q * z) + ${LOG32.C5});
      q = Math.fround(Math.fround(q * z) + ${LOG32.C3});
      const r = Math.fround(Math.fround(2.0 * s) + Math.fround(Math.fround(s * z) * q));
      return Math.fround(Math.fround(e * ${LOG32.LN2_HI}) + Math.fround(Math.fround(e * ${LOG32.LN2_LO}) + r));
    }`,
    argumentTypes: { x: 'Number' },
    returnType: 'Number',
  },
];
