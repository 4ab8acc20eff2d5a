/** `spikelab quantise`: the command line of quantise-for-hardware. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { readOutput, runCli, tempDir } from '../cli/helpers.ts';

const CUBA = join(process.cwd(), 'public/examples/cuba.json');

describe('spikelab quantise', () => {
  it('writes the converted document to --out and prints the report', async () => {
    const dir = tempDir();
    const result = await runCli(['quantise', CUBA, '--out', 'cuba-hw.json', '--bits', '12'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      // 60 mV and one step's jump need 6 integer bits and a sign: F = 12 - 7 = 5.
      "population 'exc' (Excitatory): fixed_point_lif W=12 F=5 S=16, V step 0.03125 mV, V and current range [-64, 64)",
      "population 'inh' (Inhibitory): fixed_point_lif W=12 F=5 S=16, V step 0.03125 mV, V and current range [-64, 64)",
      'the result can go to hardware',
      '',
    ]);
    const written = parseDocumentJson(readOutput(dir, 'cuba-hw.json'));
    if (!written.ok) throw new Error('the written document is invalid');
    expect(written.document.populations.map((p) => p.model)).toEqual([
      'fixed_point_lif',
      'fixed_point_lif',
    ]);
  });

  it('without --out writes the document to stdout and the report to stderr', async () => {
    const path = join(process.cwd(), 'public/examples/default.json');
    const result = await runCli(['quantise', path], tempDir());
    expect(result.code).toBe(0);
    expect(parseDocumentJson(result.stdout).ok).toBe(true);
    expect(result.stderr).toContain('  dropped: noise_std 0.02 (the hardware has no noise source)');
    expect(result.stderr).toContain('the result can go to hardware');
  });

  it('lists what stays float and what is still refused', async () => {
    const path = join(process.cwd(), 'public/examples/stdp.json');
    const result = await runCli(['quantise', path, '--out', 'stdp-hw.json'], tempDir());
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('no float LIF population converted (W = 16 bits)');
    expect(lines[1]).toMatch(/^kept as float LIF: population 'out' \(Output neuron\): projection/);
    expect(lines.slice(2).map((l) => l.split(':')[1])).toEqual([
      ' populations[2]',
      ' projections[0].plasticity',
      ' projections[1].plasticity',
    ]);
  });

  it('refuses a width outside 8..24 and names the option', async () => {
    const result = await runCli(['quantise', CUBA, '--bits', '30'], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("spikelab: --bits must be an integer in 8..24, got '30'\n");
  });
});
