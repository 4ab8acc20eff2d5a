/**
 * hdl/lfsr.v against the engine's `lfsrNext`: twelve registers (Fibonacci and Galois, widths 3
 * to 32, maximal and other taps) clocked 1,200 times with random enables and resets, in Icarus
 * and in Verilator; every state and every combinational `next` must match.
 */
import { describe, expect, it } from 'vitest';
import { LFSR_BENCH } from './benches.ts';
import {
  LFSR_CYCLES,
  LFSR_EXPECTED,
  LFSR_STIMULUS,
  describeLfsrRecord,
  simulateLfsr,
} from './lfsr-run.ts';
import { firstMismatch } from './mismatch.ts';
import { SIMULATORS, workDir } from './simulators.ts';

describe('hdl/lfsr.v steps as lfsrNext', () => {
  it('runs every register past a full period of width 8 between resets', () => {
    const firstHalf = LFSR_STIMULUS.slice(0, LFSR_CYCLES / 2);
    expect(firstHalf.filter((c) => c.en[2]).length).toBeGreaterThan(255);
  });

  it.each(SIMULATORS)('%s: every state and next over 1,200 clocks', (simulator) => {
    const work = workDir(`lfsr-${simulator}`);
    try {
      const got = simulateLfsr(simulator, LFSR_BENCH, work.dir);
      expect(firstMismatch(LFSR_EXPECTED, got, describeLfsrRecord)).toBeNull();
    } finally {
      work.dispose();
    }
  });
});
