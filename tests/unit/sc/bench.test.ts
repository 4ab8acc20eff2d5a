/** The benchmark runs its real kernels (it checks their counts) and reports positive rates. */
import { describe, expect, it } from 'vitest';
import { benchStochasticComputing } from '../../../src/engine/sc/index.ts';

describe('benchStochasticComputing', () => {
  it('measures AND+popcount throughput and dense-layer steps per second', () => {
    const result = benchStochasticComputing({ words: 1 << 12, minMs: 20, denseSteps: 500 });
    expect(Object.keys(result).sort()).toEqual(['andPopcountGbitPerS', 'denseLayerStepsPerS']);
    // Loose floors a working JIT clears by two orders of magnitude even on a loaded machine.
    expect(result.andPopcountGbitPerS).toBeGreaterThan(0.01);
    expect(result.denseLayerStepsPerS).toBeGreaterThan(1000);
    expect(Number.isFinite(result.andPopcountGbitPerS)).toBe(true);
    expect(Number.isFinite(result.denseLayerStepsPerS)).toBe(true);
  });
});
