/** The bench's board section: a full-size bitstream's traffic, and its table lines. */
import { describe, expect, it } from 'vitest';
import {
  benchBoardUpload,
  renderBoardUploadSection,
  XC7Z020_DATA_BYTES,
} from '../../../src/cli/bench/board-upload.ts';

describe('bench: board upload', () => {
  it('counts a full xc7z020 bitstream: under 1 % MPSSE overhead, the 6 MHz time near 5.4 s', async () => {
    const report = await benchBoardUpload();
    expect(report.data_bytes).toBe(XC7Z020_DATA_BYTES);
    expect(report.overhead_percent).toBeGreaterThan(0);
    expect(report.overhead_percent).toBeLessThan(1);
    expect(report.tck_cycles).toBeGreaterThan(XC7Z020_DATA_BYTES * 8);
    const at6 = report.modelled_s.find((m) => m.tck_mhz === 6)?.seconds ?? 0;
    // The bits alone take 32,364,512 / 6e6 = 5.39 s; the idle clocks and round trips add little.
    expect(at6).toBeGreaterThan(5.39);
    expect(at6).toBeLessThan(5.6);
    const lines = renderBoardUploadSection(report).join('\n');
    expect(lines).toMatch(/MPSSE bytes sent 4,04\d,\d{3} \(0\.0\d\d % overhead; goal < 1 %\)/);
    expect(lines).toContain('openFPGALoader at 6 MHz: 5.4 s (its floor)');

    // The board run's read-back: the example's spikes, measured on the virtual board, and
    // modelled from its counted TCKs and round trips (faster TCK, more spikes per second).
    const run = report.spikes_per_s_through_bridge;
    expect(run).toMatchObject({ network: 'fixed-point-hw.json', steps: 300, spikes: 425 });
    expect(run.virtual_spikes_per_s).toBeGreaterThan(0);
    const rates = run.modelled_spikes_per_s.map((m) => m.spikes_per_s);
    expect(rates[2]).toBeCloseTo(run.spikes / (run.tck_cycles / 30e6 + run.round_trips * 0.002));
    expect(rates[0]).toBeLessThan(rates[1] ?? 0);
    expect(lines).toMatch(/measured on the virtual board .*: [\d,]+ spikes\/s/);
  });
});
