/**
 * hdl/mix32_pipe.v (the core's Poisson hash, split over two clocks) against the engine's
 * `mix32`: one hash per clock, each the clock after its input, in Icarus and in Verilator.
 */
import { describe, expect, it } from 'vitest';
import { firstMismatch } from './mismatch.ts';
import {
  MIX32_PIPE_BENCH,
  MIX32_PIPE_EXPECTED,
  describeMix32Clock,
  simulateMix32Pipe,
} from './mix32-pipe-run.ts';
import { SIMULATORS, workDir } from './simulators.ts';

describe('hdl/mix32_pipe.v hashes as the engine', () => {
  it.each(SIMULATORS)('%s: every hash, one per clock', (simulator) => {
    const work = workDir(`mix32-pipe-${simulator}`);
    try {
      const got = simulateMix32Pipe(simulator, MIX32_PIPE_BENCH, work.dir);
      expect(firstMismatch(MIX32_PIPE_EXPECTED, got, describeMix32Clock)).toBeNull();
    } finally {
      work.dispose();
    }
  });
});
