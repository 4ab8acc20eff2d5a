/**
 * The benchmark runs its real kernels on every backend asked for, checks each backend's count
 * against JavaScript's, and reports positive rates; a backend that cannot run gets a row saying
 * why instead of a throw.
 */
import { describe, expect, it } from 'vitest';
import {
  BITSTREAM_BACKENDS,
  andPopcountWords,
  benchStochasticComputing,
  defaultScBenchBackends,
} from '../../../src/engine/sc/index.ts';
import { mix32 } from '../../../src/engine/random.ts';

describe('benchStochasticComputing', () => {
  it('times AND+popcount per backend, each count equal to the JS count, and the dense layer', async () => {
    const words = 1 << 12;
    const result = await benchStochasticComputing({
      words,
      minMs: 20,
      denseSteps: 500,
      backends: ['js', 'wasm', 'gpu:cpu', 'gpu:webasm', 'gpu:webgl2'],
    });
    expect(result.streamWords).toBe(words);
    // The same streams counted independently here: mix32 words, as the bench builds them.
    const a = Uint32Array.from({ length: words }, (_, i) => mix32(i));
    const b = Uint32Array.from({ length: words }, (_, i) => mix32(i ^ 0x9e3779b9));
    expect(result.jsOnes).toBe(andPopcountWords(a, b, 0, words));
    expect(result.andPopcount.map((r) => r.backend)).toEqual([
      'js',
      'wasm',
      'gpu:cpu',
      'gpu:webasm',
      'gpu:webgl2',
    ]);
    for (const row of result.andPopcount.slice(0, 4)) {
      if (row.status !== 'ok') throw new Error(`${row.backend}: ${row.status}: ${row.reason}`);
      expect(row.ones).toBe(result.jsOnes);
      expect(row.passes).toBeGreaterThan(0);
      // Loose floors every backend clears by orders of magnitude even on a loaded machine.
      expect(row.gbitPerS).toBeGreaterThan(0.001);
      expect(Number.isFinite(row.gbitPerS)).toBe(true);
    }
    // Node has no WebGL: the row says so and the bench goes on.
    expect(result.andPopcount[4]).toMatchObject({ backend: 'gpu:webgl2', status: 'unavailable' });
    expect(result.denseLayerStepsPerS).toBeGreaterThan(1000);
    expect(Number.isFinite(result.denseLayerStepsPerS)).toBe(true);
  });

  it('times every backend but webgl2 by default in Node', () => {
    expect(defaultScBenchBackends()).toEqual(BITSTREAM_BACKENDS.filter((b) => b !== 'gpu:webgl2'));
  });
});
