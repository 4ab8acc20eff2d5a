/**
 * hdl/delay_ring.v against the engine's SpikeHistory: 40 steps of random spikes recorded as the
 * core's neuron pass records them, then after every step random queries of a neuron's history
 * word, its window test and its per-synapse delay test, in Icarus and in Verilator.
 */
import { describe, expect, it } from 'vitest';
import { firstMismatch } from './mismatch.ts';
import { RING_BENCH, RING_STIMULUS, describeRingQuery, simulateRing } from './delay-ring-run.ts';
import { SIMULATORS, workDir } from './simulators.ts';

describe('hdl/delay_ring.v keeps the spike history as the engine', () => {
  it('asks questions whose answers vary', () => {
    const { expected } = RING_STIMULUS;
    const hits = expected.filter((r) => r.hit === 1).length;
    const inWindow = expected.filter((r) => r.inWindow === 1).length;
    expect(hits).toBeGreaterThan(50);
    expect(hits).toBeLessThan(expected.length - 50);
    expect(inWindow).toBeGreaterThan(50);
    expect(inWindow).toBeLessThan(expected.length - 50);
  });

  it.each(SIMULATORS)('%s: every word, window and delay test', (simulator) => {
    const work = workDir(`delay-ring-${simulator}`);
    try {
      const got = simulateRing(simulator, RING_BENCH, work.dir);
      expect(firstMismatch(RING_STIMULUS.expected, got, describeRingQuery)).toBeNull();
    } finally {
      work.dispose();
    }
  });
});
