/** `spikelab run` on the stochastic-computing examples, as a student would run them. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/cli/run/json-output.ts';
import { runCli, tempDir } from './helpers.ts';

async function runExample(file: string): Promise<RunOutput> {
  const path = fileURLToPath(new URL(`../../../public/examples/${file}`, import.meta.url));
  const result = await runCli(['run', path, '--backend', 'reference'], tempDir());
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RunOutput;
}

describe('spikelab run on the SC examples (reference backend)', () => {
  it('sc-two-layer.json: layer 2 fires once layer 1 has, and records its SC current', async () => {
    const out = await runExample('sc-two-layer.json');
    expect(out.meta).toMatchObject({ backend: 'reference', dt: 1, steps: 500 });
    const first = (id: string) => out.spikes[id]?.t[0] ?? Number.POSITIVE_INFINITY;
    expect(out.spikes.layer1?.t.length).toBeGreaterThan(100);
    expect(out.spikes.layer2?.t.length).toBeGreaterThan(50);
    // Layer 2's inputs are layer 1's rates, which are 0 until layer 1 has spiked.
    expect(first('layer2')).toBeGreaterThan(first('layer1'));
    const current = out.traces.layer2_current?.values[0] ?? [];
    expect(current).toHaveLength(500);
    expect(current[0]).toBe(0);
    // 4 channels, 'sum', y 0..0.1: the current is k x 0.1 for k = 0..4 active gates.
    for (const i of current) expect(Math.round(i * 10)).toBeCloseTo(i * 10, 5);
    expect(Math.max(...current)).toBeLessThanOrEqual(0.4 + 1e-6);
  });

  it('sc-dense.json: four neurons fire at similar rates', async () => {
    const out = await runExample('sc-dense.json');
    const spikes = out.spikes.layer;
    const perNeuron = [0, 1, 2, 3].map((j) => spikes?.i.filter((i) => i === j).length ?? 0);
    for (const n of perNeuron) expect(n).toBeGreaterThan(50);
    // Shared current, independent noise: the spread is a few percent (tutorial: about 5%).
    expect(Math.max(...perNeuron) / Math.min(...perNeuron)).toBeLessThan(1.15);
  });
});
