/**
 * The OnlineO1 benchmark: both forms timed, a rate per form, the stated and the in-array bits
 * per synapse, and the cross-check that makes a wrong kernel fail instead of looking fast.
 */
import { describe, expect, it } from 'vitest';
import { benchOnlineO1 } from '../../../src/engine/learning/online-o1-bench.ts';
import { onlineO1Config } from '../../../src/engine/learning/online-o1.ts';

describe('benchOnlineO1', () => {
  it('times js and wasm on the same inputs and reports both bit counts', async () => {
    const result = await benchOnlineO1(onlineO1Config({ weight_bits: 10, trace_bits: 6 }), {
      synapses: 1001,
      minMs: 5,
      spikeProbability: 0.3,
    });
    expect(result.synapses).toBe(1001);
    expect(result.rows.map((r) => r.form)).toEqual(['js', 'wasm']);
    for (const row of result.rows) {
      expect(row.steps).toBeGreaterThan(0);
      expect(row.updatesPerS).toBeGreaterThan(0);
      expect(Number.isFinite(row.updatesPerS)).toBe(true);
    }
    expect(result.stateBitsPerSynapse).toBe(10 + 3 * 6);
    expect(result.arrayBitsPerSynapse).toBe(128);
  });
});
