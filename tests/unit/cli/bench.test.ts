/** `spikelab bench` on configurations small enough for a unit test (a second or two). */
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../../src/cli/bench/report.ts';
import { runCli, tempDir } from './helpers.ts';

/**
 * The learning, hardware, board and sweep sections have their own tests (bench-learning.test.ts, engine/sweep-bench.test.ts,
 * bench-hardware*.test.ts, bench-board.test.ts); left out here to save time.
 */
const TINY = [
  '--no-baseline',
  '--no-learning',
  '--no-hardware',
  '--no-board',
  '--no-sweep',
  '--no-interchange',
  '--neurons',
  '200',
  '--duration',
  '20',
  '--repeats',
  '2',
];

async function benchJson(argv: string[]): Promise<BenchReport> {
  const result = await runCli(['bench', '--json', ...argv], tempDir());
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as BenchReport;
}

describe('spikelab bench', () => {
  const savedPython = process.env.SPIKELAB_PYTHON;
  afterEach(() => {
    if (savedPython === undefined) delete process.env.SPIKELAB_PYTHON;
    else process.env.SPIKELAB_PYTHON = savedPython;
  });

  it('--quick --json reports loop time, real-time factor, events/s, bytes/synapse and spikes', async () => {
    const report = await benchJson(['--quick', ...TINY, '--backends', 'reference']);
    expect(report.scaling).toEqual([]);
    expect(report.meta).toMatchObject({ repeats: 2, baseline: 'none', spikelab_version: '0.1.0' });
    const cuba = report.cuba;
    expect(cuba).toMatchObject({ neurons: 200, duration_ms: 20, dt_ms: 0.1 });
    // p = 80/200: about 16,000 synapses, 4 bytes of target each plus the row pointers.
    expect(cuba.synapses).toBeGreaterThan(14_000);
    expect(cuba.synapses).toBeLessThan(18_000);
    expect(cuba.connectivity_bytes).toBe(4 * cuba.synapses + 4 * (160 + 1) * 2 + 4 * (40 + 1) * 2);
    expect(cuba.connectivity_bytes_per_synapse).toBeCloseTo(
      cuba.connectivity_bytes / cuba.synapses,
      12,
    );
    expect(cuba.state_bytes).toBeGreaterThan(cuba.connectivity_bytes);
    const [row] = cuba.rows;
    expect(cuba.rows).toHaveLength(1);
    expect(row).toMatchObject({ label: 'reference', status: 'ok', backend: 'reference' });
    expect(row?.runs_ms).toHaveLength(2);
    const wall = row?.wall_ms ?? NaN;
    expect(wall).toBeGreaterThan(0);
    expect(row?.realtime_factor).toBeCloseTo(20 / wall, 9);
    expect(row?.spikes).toBeGreaterThan(0);
    // Each spike delivers to about 80 synapses.
    const perSpike = (row?.synaptic_events ?? 0) / (row?.spikes ?? 1);
    expect(perSpike).toBeGreaterThan(50);
    expect(perSpike).toBeLessThan(110);
    expect(row?.syn_events_per_s).toBeCloseTo((row?.synaptic_events ?? 0) / (wall / 1000), 3);
    // --quick measures the SC kernels on 2-Mbit streams: one row per SC backend.
    const sc = report.stochastic_computing;
    expect(sc).toMatchObject({ stream_words: 1 << 16, dense_layer_steps: 5000 });
    expect(sc?.and_popcount.map((r) => r.label)).toEqual([
      'js',
      'wasm',
      'gpu:cpu',
      'gpu:webasm',
      'gpu:webgpu',
    ]);
    for (const row of sc?.and_popcount.slice(0, 4) ?? []) {
      expect(row).toMatchObject({ status: 'ok' });
      expect(row.gbit_per_s).toBeGreaterThan(0);
    }
    // WebGPU in Node needs Dawn: measured where it loads, otherwise unavailable with the reason.
    const webgpu = sc?.and_popcount[4];
    if (webgpu?.status === 'ok') expect(webgpu.gbit_per_s).toBeGreaterThan(0);
    else {
      expect(webgpu?.status).toBe('unavailable');
      expect(webgpu?.reason).toMatch(/\w/);
    }
    expect(sc?.dense_layer_steps_per_s).toBeGreaterThan(0);
    // The sc_dense document on the bench's backends spikes exactly as the library's layer.
    expect(sc?.library_spikes).toBeGreaterThan(0);
    expect(sc?.sc_dense).toHaveLength(1);
    expect(sc?.sc_dense[0]).toMatchObject({
      label: 'reference',
      status: 'ok',
      backend: 'reference',
      spikes: sc?.library_spikes,
      matches_library: true,
    });
    expect(sc?.sc_dense[0]?.steps_per_s).toBeGreaterThan(0);
  });

  it('--no-sc leaves the stochastic-computing kernels out; the table names them otherwise', async () => {
    const skipped = await benchJson(['--quick', '--no-sc', ...TINY, '--backends', 'reference']);
    expect(skipped.stochastic_computing).toBeNull();
    expect(skipped.hardware).toBeNull();
    const table = await runCli(['bench', '--quick', ...TINY, '--backends', 'reference'], tempDir());
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /Stochastic computing: AND \+ popcount over 2,097,152-bit streams/,
    );
    expect(table.stdout).toMatch(/\n {4}js\s+\d+\.\d\d\n {4}wasm\s+\d+\.\d\d\n/);
    expect(table.stdout).toMatch(/library \(JavaScript\) [\d,]+ steps\/s, [\d,]+ spikes/);
    expect(table.stdout).toMatch(/\n {4}reference\s+[\d,]+\s+[\d,]+\n/);
  });

  it('runs the scaling series and says which backends are unavailable instead of failing', async () => {
    const report = await benchJson([
      ...TINY,
      '--backends',
      'reference,webgpu',
      '--sizes',
      '100,200',
    ]);
    expect(report.scaling.map((n) => n.neurons)).toEqual([100, 200]);
    for (const network of report.scaling) {
      expect(network.rows.map((r) => r.label)).toEqual(['reference', 'gpu:webgpu']);
      expect(network.rows[0]?.status).toBe('ok');
      expect(network.rows[1]).toMatchObject({ status: 'unavailable' });
      expect(network.rows[1]?.reason).toMatch(/\w/);
    }
    // The 200-neuron point is the CUBA network of this bench: measured once, reported twice.
    expect(report.scaling[1]?.rows[0]).toEqual(report.cuba.rows[0]);
  });

  it('skips a backend whose first estimate is over --max-run', async () => {
    const report = await benchJson([
      '--quick',
      ...TINY,
      '--backends',
      'reference',
      '--max-run',
      '0.000001',
    ]);
    expect(report.cuba.rows[0]).toMatchObject({ status: 'skipped' });
    expect(report.cuba.rows[0]?.reason).toMatch(/^>0s \(first estimate: ~/);
  });

  it('reports the Brian2 baseline as unavailable, with the reason, when Python lacks it', async () => {
    process.env.SPIKELAB_PYTHON = '/nonexistent/python3';
    const report = await benchJson([
      '--quick',
      '--no-learning',
      '--no-hardware',
      '--no-board',
      '--no-sweep',
      '--backends',
      'reference',
      '--duration',
      '2',
      '--repeats',
      '1',
    ]);
    const baseline = report.cuba.rows.find((r) => r.label === 'brian2 cpp_standalone');
    expect(baseline).toMatchObject({ status: 'unavailable' });
    expect(baseline?.reason).toContain('/nonexistent/python3 -c "import brian2"');
  });

  it('prints a table with one line per backend', async () => {
    const result = await runCli(
      ['bench', '--quick', ...TINY, '--backends', 'reference'],
      tempDir(),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /CUBA-like, 200 neurons: 200 neurons, [\d,]+ synapses, 20 ms at dt 0\.1 ms/,
    );
    expect(result.stdout).toMatch(/backend\s+loop ms\s+x realtime\s+syn events\/s\s+spikes/);
    expect(result.stdout).toMatch(
      /\n {4}reference\s+\d+\.\d\s+\d+\.\d\d\s+\d\.\d\de\+\d+\s+[\d,]+\n/,
    );
  });
});
