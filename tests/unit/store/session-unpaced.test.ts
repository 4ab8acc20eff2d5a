import { describe, expect, it } from 'vitest';
import {
  adaptUnpacedSteps,
  UNPACED_CHUNK_WALL_MS,
  UNPACED_MAX_GROWTH,
} from '../../../workers/engine-service.ts';

describe('unpaced chunk sizing', () => {
  it('doubles at most per chunk while the engine is fast', () => {
    expect(adaptUnpacedSteps(500, 1, 500)).toBe(1000);
    expect(adaptUnpacedSteps(1000, 0, 500)).toBe(2000);
  });

  it('converges on the wall-time target', () => {
    // An engine that takes 0.01 ms per step settles where a chunk costs the target.
    let steps = 500;
    for (let k = 0; k < 20; k++) steps = adaptUnpacedSteps(steps, steps * 0.01, 500);
    expect(steps * 0.01).toBeCloseTo(UNPACED_CHUNK_WALL_MS, 0);
  });

  it('shrinks when a chunk is slow, never below the requested size', () => {
    expect(adaptUnpacedSteps(4000, 120, 500)).toBe(1000);
    expect(adaptUnpacedSteps(600, 500, 500)).toBe(500);
  });

  it('never grows past its cap', () => {
    let steps = 500;
    for (let k = 0; k < 30; k++) steps = adaptUnpacedSteps(steps, 0.1, 500);
    expect(steps).toBe(500 * UNPACED_MAX_GROWTH);
  });
});
