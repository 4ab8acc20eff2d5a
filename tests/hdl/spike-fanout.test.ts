/**
 * hdl/spike_fanout.v (with the delay_ring it tests delays with) against the engine's step 5:
 * 60 random projections (constant and per-synapse delays, empty rows, targets repeated back to
 * back, weights that saturate 4- to 24-bit targets, Loihi targets summed exactly) and one
 * source with a 200-synapse row, in Icarus and in Verilator; every target's current and the
 * number of events must match, and the long row must take one clock per event.
 */
import { describe, expect, it } from 'vitest';
import { firstMismatch } from './mismatch.ts';
import {
  FANOUT_BENCH,
  FANOUT_CASES,
  FANOUT_EXPECTED,
  FANOUT_TARGETS,
  describeFanoutRecord,
  simulateFanout,
} from './spike-fanout-run.ts';
import { SIMULATORS, workDir } from './simulators.ts';

describe('hdl/spike_fanout.v delivers as the engine', () => {
  it('has cases that deliver, saturate and repeat a target back to back', () => {
    const events = FANOUT_CASES.map((_, k) => FANOUT_EXPECTED[k * FANOUT_TARGETS]?.events ?? 0);
    expect(events.filter((n) => n > 0).length).toBeGreaterThan(35);
    const saturated = FANOUT_CASES.filter((c, k) => {
      if (c.loihi) return false;
      const max = 2 ** (c.totalBits - 1);
      return FANOUT_EXPECTED.slice(k * FANOUT_TARGETS, (k + 1) * FANOUT_TARGETS).some(
        (r) => r.bank === max - 1 || r.bank === -max,
      );
    });
    expect(saturated.length).toBeGreaterThan(10);
    const repeats = FANOUT_CASES.filter((c) => {
      const t = c.projection.csr.targets;
      return t.some((x, e) => e > 0 && t[e - 1] === x);
    });
    expect(repeats.length).toBeGreaterThan(30);
  });

  it.each(SIMULATORS)('%s: every current and event count, one event per clock', (simulator) => {
    const work = workDir(`spike-fanout-${simulator}`);
    try {
      const { records, clocks } = simulateFanout(simulator, FANOUT_BENCH, work.dir);
      expect(firstMismatch(FANOUT_EXPECTED, records, describeFanoutRecord)).toBeNull();
      // The 200-synapse row: go, 2 clocks for the source, 200 events, the drain (C, D).
      const long = clocks[FANOUT_CASES.length - 1] ?? 0;
      expect(long).toBeGreaterThanOrEqual(200);
      expect(long).toBeLessThanOrEqual(207);
    } finally {
      work.dispose();
    }
  });
});
