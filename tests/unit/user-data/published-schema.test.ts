/**
 * The published JSON Schema (`public/schema/network.schema.json`) is the one generated from the
 * validator's declaration, and `spikelab schema` prints exactly it; `spikelab validate` names
 * every problem of a document written by another tool, with its path, and exits non-zero.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../../src/model/json-schema.ts';
import { runCli, tempDir, writeInput } from '../cli/helpers.ts';

describe('published JSON Schema', () => {
  it('public/schema/network.schema.json is the generated schema', () => {
    const file = new URL('../../../public/schema/network.schema.json', import.meta.url);
    const written: unknown = JSON.parse(readFileSync(file, 'utf8'));
    // Regenerate: npx spikelab schema > public/schema/network.schema.json, then prettier.
    expect(written).toEqual(toJsonSchema());
    expect(written).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:spikelab:schema:network:v1',
      title: 'Spikelab network document, format version 1',
    });
  });

  it('spikelab schema prints it', async () => {
    const result = await runCli(['schema'], tempDir());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(toJsonSchema());
  });

  it('spikelab validate names each problem of a series by its path, exit 2', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', {
      format: 'spikelab-network',
      version: 1,
      name: 'from another tool',
      populations: [
        {
          id: 'src',
          model: 'poisson',
          size: 2,
          params: { rate: 0, rate_series: { times: [0, 1], rates: [5, 20000] } },
        },
      ],
      stimuli: [
        { id: 'i', kind: 'current_series', target: 'src', times: [0, 5, 3], values: [1, 2] },
      ],
      run: { dt: 0.1, duration: 10, seed: 1 },
    });
    const result = await runCli(['validate', 'net.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').slice(1)).toEqual([
      'stimuli[0].target: "src" is a poisson population; a current needs a stochastic_lif, sc_dense, izhikevich or adex target',
      'stimuli[0].values: must have one entry per time (3), got 2',
      'stimuli[0].times[2]: must be > times[1] (5 ms): times strictly increase, got 3',
      'populations[0].params.rate_series.rates[1]: must be <= 10000 Hz at run.dt = 0.1 ms (one spike per step), got 20000',
    ]);
  });
});
