/**
 * The gpu.js helpers of exp32 against the reference exp32, bit for bit, in the modes that run
 * in Node (cpu: JavaScript with Math.fround per operation; webasm: f32 in WebAssembly).
 */
import { describe, expect, it } from 'vitest';
import { EXP32_FUNCTIONS } from '../../../src/engine/backends/gpu/exp32-helper.ts';
import { GpuContext, readBack } from '../../../src/engine/backends/gpu/gpujs.ts';
import { exp32 } from '../../../src/engine/exp32.ts';

const inputs = Float32Array.from({ length: 4096 }, (_, i) => -90 + (i * 180) / 4095);
inputs.set([-87, 88, 0, -0.5, 0.5, 80, -86.99], 0);

describe('exp32 inside gpu.js kernels', () => {
  for (const mode of ['cpu', 'webasm'] as const) {
    it(`equals the reference exp32 on ${mode}`, async () => {
      const ctx = new GpuContext(mode, EXP32_FUNCTIONS, []);
      const kernel = ctx.createKernel({
        source: 'function (x) { return exp32(x[this.thread.x]); }',
        output: [inputs.length],
        constants: {},
        loopMaxIterations: 8,
      });
      try {
        const got = await readBack(await kernel(inputs));
        const want = Float32Array.from(inputs, (x) => exp32(x));
        let first = -1;
        for (let i = 0; i < want.length && first < 0; i++)
          if (!Object.is(got[i], want[i])) first = i;
        expect(first, `x = ${inputs[first]}: ${got[first]} vs ${want[first]}`).toBe(-1);
        expect(kernel.actualMode()).toBe(mode);
      } finally {
        ctx.destroy();
      }
    });
  }
});
