/**
 * `spikelab run --traces-out` (and the page's "Export traces CSV", the same function): every
 * sample of every state probe, one line each, equal to the JSON output's traces. The tiny
 * network's V is worked out by hand (tests/unit/cli/helpers.ts): 2 only at the step after a
 * generator spike (steps 3, 5 and 12 deliver; neuron 0 at 3 and 12, neuron 1 at 5), else 0.
 */
import { describe, expect, it } from 'vitest';
import { readOutput, runCli, tempDir, tinyNetwork, writeInput } from '../cli/helpers.ts';

describe('traces as CSV', () => {
  it('writes one probe,variable,index,t_ms,value line per sample, as the JSON holds', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    const result = await runCli(
      ['run', 'net.json', '--out', 'run.json', '--traces-out', 'v.csv'],
      dir,
    );
    expect(result.code).toBe(0);
    const lines = readOutput(dir, 'v.csv').trim().split('\n');
    expect(lines[0]).toBe('probe,variable,index,t_ms,value');
    expect(lines).toHaveLength(1 + 20 * 2);
    const two = lines.slice(1).filter((l) => l.endsWith(',2'));
    expect(two).toEqual(['lif_v,v,0,0.3,2', 'lif_v,v,1,0.5,2', 'lif_v,v,0,1.2,2']);
    const json = JSON.parse(readOutput(dir, 'run.json')) as {
      traces: { lif_v: { t: number[]; values: number[][] } };
    };
    const { t, values } = json.traces.lif_v;
    const fromJson = t.flatMap((time, k) =>
      [0, 1].map((j) => `lif_v,v,${j},${time},${values[j]?.[k]}`),
    );
    expect(lines.slice(1)).toEqual(fromJson);
  });
});
