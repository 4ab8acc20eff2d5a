/**
 * The gpu.js helper of log32 against the reference log32, bit for bit, in the modes that run in
 * Node (cpu: JavaScript with Math.fround per operation; webasm: f32 in WebAssembly), over
 * float32 inputs from the smallest subnormal to the largest finite value, the special values,
 * and DynapSim's range (Imem / Io from about 0.5 to 1e6).
 */
import { describe, expect, it } from 'vitest';
import { GpuContext, readBack } from '../../../src/engine/backends/gpu/gpujs.ts';
import { LOG32_FUNCTIONS } from '../../../src/engine/backends/gpu/log32-helper.ts';
import { log32 } from '../../../src/engine/log32.ts';

/** Every 4099th positive float32 bit pattern (all exponents, subnormals included), then more. */
function inputs(): Float32Array {
  const word = new Float32Array(1);
  const bits = new Uint32Array(word.buffer);
  const xs: number[] = [];
  for (let b = 1; b < 0x7f800000; b += 4099) {
    bits[0] = b;
    xs.push(word[0] ?? NaN);
  }
  for (let i = 0; i < 4096; i++) xs.push(Math.fround(0.5 + i * 0.37));
  xs.push(0, -0, -1, NaN, Infinity, 1, Math.fround(Math.SQRT2), 2 ** -149, 2 ** -126, 2 ** 127);
  return Float32Array.from(xs);
}

describe('log32 inside gpu.js kernels', () => {
  for (const mode of ['cpu', 'webasm'] as const) {
    it(`equals the reference log32 on ${mode}`, async () => {
      const xs = inputs();
      const ctx = new GpuContext(mode, LOG32_FUNCTIONS, []);
      const kernel = ctx.createKernel({
        source: 'function (x) { return log32(x[this.thread.x]); }',
        output: [xs.length],
        constants: {},
        loopMaxIterations: 1,
      });
      try {
        const got = await readBack(await kernel(xs));
        const want = Float32Array.from(xs, (x) => log32(x));
        let first = -1;
        for (let i = 0; i < want.length && first < 0; i++)
          if (!Object.is(got[i], want[i])) first = i;
        expect(first, `x = ${xs[first]}: ${got[first]} vs ${want[first]}`).toBe(-1);
        expect(kernel.actualMode()).toBe(mode);
      } finally {
        ctx.destroy();
      }
    });
  }
});
