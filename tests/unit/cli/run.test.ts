/** `spikelab run` on networks whose output is known by hand. */
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/cli/run/json-output.ts';
import { poissonNetwork, readOutput, runCli, tempDir, tinyNetwork, writeInput } from './helpers.ts';

async function runJson(argv: string[], doc = tinyNetwork()): Promise<RunOutput> {
  const dir = tempDir();
  const file = writeInput(dir, 'net.json', doc);
  const result = await runCli(['run', file, ...argv], dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RunOutput;
}

describe('spikelab run (JSON)', () => {
  it('writes spike times step*dt for the hand-computed network', async () => {
    const out = await runJson([]);
    expect(out.spikes).toEqual({
      gen: { t: [0.3, 0.5, 1.2], i: [0, 1, 0] },
      lif: { t: [0.4, 0.6, 1.3], i: [0, 1, 0] },
    });
  });

  it('fills meta with the resolved backend, steps, seed, loop time and totals', async () => {
    const out = await runJson([]);
    expect(out.meta).toMatchObject({
      backend: 'reference',
      dt: 0.1,
      steps: 20,
      seed: 7,
      network: 'tiny',
      spikelab_version: '0.1.0',
      total_spikes: 6,
    });
    expect(out.meta.wall_ms).toBeGreaterThanOrEqual(0);
    expect(out.meta.wall_ms).toBeLessThan(10_000);
  });

  it('writes traces per neuron: V holds 2 for the step after a delivery, else 0', async () => {
    const out = await runJson([]);
    const trace = out.traces.lif_v;
    expect(trace?.neurons).toEqual([0, 1]);
    expect(trace?.t).toHaveLength(20);
    expect(trace?.t.slice(0, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    const expected = (deliverySteps: number[]): number[] =>
      Array.from({ length: 20 }, (_, s) => (deliverySteps.includes(s) ? 2 : 0));
    expect(trace?.values).toEqual([expected([3, 12]), expected([5])]);
  });

  it('writes rates in Hz per bin: spikes / neurons / bin width', async () => {
    const out = await runJson([]);
    // 2 generator spikes in [0, 1) ms and 1 in [1, 2) ms, over 2 neurons and 1 ms bins.
    expect(out.rates.gen_rate).toEqual({ t: [0, 1], hz: [1000, 500] });
  });

  it('runs exactly --steps N steps, the same as --duration N*dt', async () => {
    const bySteps = await runJson(['--steps', '7']);
    const byDuration = await runJson(['--duration', '0.7']);
    expect(bySteps.meta.steps).toBe(7);
    expect(bySteps.spikes).toEqual({
      gen: { t: [0.3, 0.5], i: [0, 1] },
      lif: { t: [0.4, 0.6], i: [0, 1] },
    });
    expect(byDuration.spikes).toEqual(bySteps.spikes);
    expect(byDuration.meta.steps).toBe(7);
  });

  it('gives the same spikes for any --chunk size', async () => {
    const whole = await runJson([]);
    const small = await runJson(['--chunk', '3']);
    expect(small.spikes).toEqual(whole.spikes);
    expect(small.traces).toEqual(whole.traces);
    expect(small.rates).toEqual(whole.rates);
  });

  it('changes random results with --seed and reproduces them for the same seed', async () => {
    const a = await runJson(['--seed', '1'], poissonNetwork());
    const again = await runJson(['--seed', '1'], poissonNetwork());
    const b = await runJson(['--seed', '2'], poissonNetwork());
    expect(a.meta.seed).toBe(1);
    expect(b.meta.seed).toBe(2);
    expect(a.meta.total_spikes).toBeGreaterThan(50);
    expect(again.spikes).toEqual(a.spikes);
    expect(b.spikes).not.toEqual(a.spikes);
  });

  it('writes JSON to --out and a one-line summary on stderr', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    const result = await runCli(['run', 'net.json', '--out', 'result.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^spikelab: wrote 6 spikes of 20 steps to result\.json \(backend reference/,
    );
    const out = JSON.parse(readOutput(dir, 'result.json')) as RunOutput;
    expect(out.spikes.lif).toEqual({ t: [0.4, 0.6, 1.3], i: [0, 1, 0] });
  });

  it('accepts whatever backend auto resolves to and reports it', async () => {
    const reference = await runJson(['--backend', 'reference']);
    const auto = await runJson(['--backend', 'auto']);
    expect(['reference', 'wasm', 'gpu:webgpu', 'gpu:webgl2', 'gpu:webasm', 'gpu:cpu']).toContain(
      auto.meta.backend,
    );
    expect(auto.spikes).toEqual(reference.spikes);
  });
});

describe('spikelab run (CSV)', () => {
  it('writes population,index,t_ms lines in time order when --out ends in .csv', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    const result = await runCli(['run', 'net.json', '--out', 'spikes.csv'], dir);
    expect(result.code).toBe(0);
    expect(readOutput(dir, 'spikes.csv')).toBe(
      'population,index,t_ms\ngen,0,0.3\nlif,0,0.4\ngen,1,0.5\nlif,1,0.6\ngen,0,1.2\nlif,0,1.3\n',
    );
  });

  it('writes CSV to stdout with --format csv', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    const result = await runCli(['run', 'net.json', '--format', 'csv', '--steps', '5'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('population,index,t_ms\ngen,0,0.3\nlif,0,0.4\n');
  });
});
