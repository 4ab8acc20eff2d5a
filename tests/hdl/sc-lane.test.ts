/**
 * hdl/sc_lane.v against the engine's `scGateBits` and `scActiveCount` (step 1b): three compiled
 * layers counted channel by channel at steps up to past a 2^24-bit stream, then 1,200 random
 * clocks with edge thresholds (0, 1, 2^24 - 1, 2^24), gaps and clears, in Icarus and in
 * Verilator; every bit and every count must match.
 */
import { describe, expect, it } from 'vitest';
import { firstMismatch } from './mismatch.ts';
import {
  SC_LANE_BENCH,
  SC_LANE_EXPECTED,
  SC_LANE_STIMULUS,
  describeScLaneClock,
  simulateScLane,
} from './sc-lane-run.ts';
import { SIMULATORS, workDir } from './simulators.ts';

describe('hdl/sc_lane.v computes the SC count as the engine', () => {
  it("counts each layer step to the engine's k, which varies and is not trivial", () => {
    const { ends } = SC_LANE_STIMULUS;
    for (const end of ends) {
      expect(SC_LANE_EXPECTED[end.clock]?.count, end.what).toBe(end.k);
    }
    const ks = new Set(ends.map((e) => e.k));
    expect(ks.size).toBeGreaterThan(4);
    const active = SC_LANE_EXPECTED.filter((r) => r.active === 1).length;
    expect(active).toBeGreaterThan(100);
    expect(active).toBeLessThan(SC_LANE_EXPECTED.length - 100);
  });

  it.each(SIMULATORS)('%s: every bit and count, clock by clock', (simulator) => {
    const work = workDir(`sc-lane-${simulator}`);
    try {
      const got = simulateScLane(simulator, SC_LANE_BENCH, work.dir);
      expect(firstMismatch(SC_LANE_EXPECTED, got, describeScLaneClock)).toBeNull();
    } finally {
      work.dispose();
    }
  });
});
