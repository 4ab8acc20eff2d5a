/**
 * `spikelab bench`'s hardware section without Verilator and Yosys (PATH emptied): the core's
 * rows and the Yosys cells say that the tool is missing, the engine's steps/s and the
 * estimates are still there, and the bench completes. The section with the tools is a
 * benchmark run by hand (hdl/README.md, "Measured").
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { BenchReport } from '../../../src/cli/bench/report.ts';
import { runCli, tempDir } from './helpers.ts';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

it('reports missing verilator and yosys in their rows and completes', async () => {
  process.env.PATH = mkdtempSync(join(tmpdir(), 'spikelab-empty-path-'));
  const argv = [
    'bench',
    '--quick',
    '--no-baseline',
    '--no-sc',
    '--no-learning',
    '--no-sweep',
    '--no-interchange',
  ];
  const tiny = ['--neurons', '100', '--duration', '5', '--repeats', '1', '--backends', 'reference'];
  const result = await runCli([...argv, ...tiny, '--json'], tempDir());
  expect(result.code).toBe(0);
  const hw = (JSON.parse(result.stdout) as BenchReport).hardware;
  expect(hw?.verilator).toMatch(/^unavailable: verilator is not on PATH \(Debian: apt-get/);
  expect(hw?.yosys).toMatch(/^unavailable: yosys is not on PATH/);
  expect(hw?.cores.map((r) => [r.kind, r.size])).toEqual([
    ['fixed_point_lif', 256],
    ['loihi', 256],
  ]);
  for (const row of hw?.cores ?? []) {
    // Refused (the generator's message) or unavailable (no Verilator), never a figure.
    expect(row.status === 'unavailable' || row.status === 'refused').toBe(true);
    expect(row.counters).toBeUndefined();
    expect(row.engine[0]).toMatchObject({ label: 'reference', status: 'ok' });
    expect(row.engine[0]?.steps_per_s).toBeGreaterThan(0);
  }
  const example = hw?.fits.find((f) => f.name === 'fixed-point-hw.json');
  expect(example).toMatchObject({ status: 'ok', yosys_status: 'unavailable' });
  expect(example?.estimate?.luts).toBeGreaterThan(0);
  expect(hw?.not_for_hardware).toContain('cuba.json');

  const table = await runCli([...argv, ...tiny], tempDir());
  expect(table.stdout).toMatch(/fixed-point LIF 256 +unavailable: verilator is not on PATH/);
  expect(table.stdout).toMatch(/Yosys unavailable: yosys is not on PATH/);
});
