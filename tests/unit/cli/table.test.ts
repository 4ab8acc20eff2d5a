/** The bench table, drawn from a report whose figures are fixed here. */
import { describe, expect, it } from 'vitest';
import type { BenchReport, BenchRow } from '../../../src/cli/bench/report.ts';
import { renderBenchTable } from '../../../src/cli/bench/table.ts';

function report(rows: BenchRow[], load = 0.5): BenchReport {
  return {
    meta: {
      spikelab_version: '0.1.0',
      node: 'v20',
      cpus: 2,
      cpu_model: 'CPU',
      date: '2026-01-01T00:00:00Z',
      load_average: [load, load, load],
      repeats: 3,
      max_run_s: 10,
      chunk_steps: 5000,
      baseline: 'cpp_standalone',
      timing: 'loop only',
    },
    cuba: {
      name: 'CUBA',
      neurons: 4000,
      synapses: 320_000,
      dt_ms: 0.1,
      duration_ms: 1000,
      connectivity_bytes: 1_312_000,
      connectivity_bytes_per_synapse: 4.1,
      state_bytes: 1_468_006,
      rows,
    },
    scaling: [],
    stochastic_computing: null,
    learning: null,
  };
}

const ok = (label: string, wall: number): BenchRow => ({
  label,
  status: 'ok',
  backend: label,
  wall_ms: wall,
  realtime_factor: 1000 / wall,
  syn_events_per_s: 2e6 / (wall / 1000),
  spikes: 23_893,
});

describe('renderBenchTable', () => {
  it('prints figures per backend, reasons for rows without figures, and the verdict against Brian2', () => {
    const text = renderBenchTable(
      report([
        ok('wasm', 100),
        { label: 'gpu:cpu', status: 'skipped', reason: '>10s (first estimate: ~52.0 s per run)' },
        { label: 'gpu:webgl2', status: 'unavailable', reason: 'no\nWebGL2' },
        ok('brian2 cpp_standalone', 200),
      ]),
    );
    expect(text).toContain(
      'CUBA: 4,000 neurons, 320,000 synapses, 1000 ms at dt 0.1 ms; connectivity 4.10 B/synapse',
    );
    expect(text).toMatch(/\n {4}wasm {20}\s+100\.0\s+10\.00\s+2\.00e\+7\s+23,893\n/);
    expect(text).toContain(
      'gpu:cpu                   skipped: >10s (first estimate: ~52.0 s per run)',
    );
    expect(text).toContain('unavailable: no WebGL2');
    expect(text).toContain(
      "fastest here: wasm 100.0 ms = 0.50 x Brian2 cpp_standalone's 200.0 ms (at or below Brian2)",
    );
    expect(text).not.toContain('busy');
  });

  it('warns when the load average exceeds the CPU count', () => {
    expect(renderBenchTable(report([ok('wasm', 100)], 7))).toContain(
      'the machine was busy, figures are inflated',
    );
  });

  it('says when a backend made fewer runs than asked because it ran over time', () => {
    const row = { ...ok('gpu:cpu', 15_000), runs_ms: [15_000, 16_000] };
    expect(renderBenchTable(report([row]))).toContain('(2 of 3 runs: over time)');
  });

  it('has no verdict without a Brian2 figure', () => {
    expect(renderBenchTable(report([ok('wasm', 100)]))).not.toContain('fastest here');
  });
});
