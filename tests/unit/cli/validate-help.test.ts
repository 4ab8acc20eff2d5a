/** `spikelab validate` and the help texts. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/main.ts';
import { runCli, tempDir, tinyNetwork, writeInput } from './helpers.ts';

describe('spikelab validate', () => {
  it('prints ok and exits 0 for a valid document', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    expect(await runCli(['validate', 'net.json'], dir)).toMatchObject({
      code: 0,
      stdout: 'ok\n',
      stderr: '',
    });
  });

  it('accepts every shipped example', async () => {
    for (const name of ['cuba', 'single-neuron', 'f-i-curve']) {
      const result = await runCli(['validate', `public/examples/${name}.json`], process.cwd());
      expect(result, name).toMatchObject({ code: 0, stdout: 'ok\n' });
    }
  });

  it('lists every problem as path: message and exits 2', async () => {
    const dir = tempDir();
    const doc = tinyNetwork();
    const bad = {
      ...doc,
      run: { ...doc.run, dt: 0 },
      probes: [{ id: 'p', kind: 'spikes', population: 'nobody' }],
    };
    writeInput(dir, 'net.json', bad);
    const result = await runCli(['validate', 'net.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^spikelab: 'net\.json' is not a valid network document \(\d+ problems?\):$/,
    );
    for (const line of lines.slice(1)) expect(line).toMatch(/^[\w[\].()]+: \S/);
    expect(lines.some((l) => l.startsWith('run.dt: '))).toBe(true);
  });
});

describe('help', () => {
  it('lists every command on spikelab --help, exit 0', async () => {
    const result = await runCli(['--help'], tempDir());
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command.name} `);
  });

  for (const command of ['run', 'validate', 'bench']) {
    it(`prints usage and every option for ${command} --help, without running anything`, async () => {
      const result = await runCli([command, '--help'], tempDir());
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(new RegExp(`^Usage: spikelab ${command}`));
      const spec = COMMANDS.find((c) => c.name === command);
      for (const option of spec?.options ?? []) expect(result.stdout).toContain(`--${option.name}`);
      expect(result.stdout).toContain('Exit status');
    });
  }

  it('says in run --help what the CSV output holds', async () => {
    const result = await runCli(['run', '--help'], tempDir());
    expect(result.stdout).toContain('CSV output holds spikes only');
    expect(result.stdout).toContain('population,index,t_ms');
  });
});
