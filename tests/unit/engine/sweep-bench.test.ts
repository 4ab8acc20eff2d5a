/**
 * `spikelab bench`'s sweep section (src/cli/bench/sweep.ts) on sizes small enough for a unit
 * test: the batch and the single runs record the same spikes, both sides are timed, and a
 * backend that cannot run the network gets a row saying why.
 */
import { describe, expect, it } from 'vitest';
import { parseBackendList } from '../../../src/cli/bench/backends.ts';
import { benchSweeps, renderSweepSection } from '../../../src/cli/bench/sweep.ts';

describe('bench sweep section', () => {
  it('times a batch against single runs with equal spike counts', async () => {
    const report = await benchSweeps({
      backends: parseBackendList('reference'),
      variantCounts: [2, 4],
      durationMs: 5,
      maxRunMs: 60_000,
    });
    expect(report.rows.map((r) => [r.backend, r.variants])).toEqual([
      ['reference', 2],
      ['reference', 4],
    ]);
    for (const row of report.rows) {
      expect(row.note).toBeUndefined();
      expect(row.spikes_batch).toBe(row.spikes_sequential);
      expect(row.batch_loop_ms).toBeGreaterThan(0);
      expect(row.sequential_loop_ms).toBeGreaterThan(0);
      expect(row.speedup).toBeCloseTo((row.sequential_loop_ms ?? 0) / (row.batch_loop_ms ?? 1), 9);
    }
    // The swept weight runs from silent to busy: the 4-variant batch fires more than none.
    expect(report.rows[1]?.spikes_batch).toBeGreaterThan(0);
    const text = renderSweepSection(report).join('\n');
    expect(text).toMatch(/^Sweeps \(issue 10\): 40 Poisson -> 100 LIF/);
    expect(text).toMatch(/\n {2}reference\s+4\s+\d+\s+\d+\s+\d+\.\d\d/);
  });

  it('skips a row predicted too long and reports an unavailable backend', async () => {
    const report = await benchSweeps({
      backends: parseBackendList('reference,webgpu'),
      variantCounts: [1, 50],
      durationMs: 2,
      maxRunMs: 0.000001,
    });
    expect(report.rows[1]?.note).toMatch(/^skipped: 50 single runs predicted to take/);
    expect(report.rows[2]?.note).toMatch(/^unavailable: /);
  });
});
