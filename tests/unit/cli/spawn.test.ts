/** The real executable: `node bin/spikelab.mjs`, as `npx spikelab` runs it. */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STACK_LINE, tempDir, tinyNetwork, writeInput } from './helpers.ts';

const BIN = new URL('../../../bin/spikelab.mjs', import.meta.url).pathname;

function spikelab(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/spikelab.mjs', () => {
  it('runs a network and exits 0 with JSON on stdout', () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    const result = spikelab(['run', 'net.json', '--backend', 'reference'], dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { spikes: Record<string, { t: number[] }> };
    expect(out.spikes.lif?.t).toEqual([0.4, 0.6, 1.3]);
  });

  it('exits 2 with a one-line message and no stack trace for a missing file', () => {
    const result = spikelab(['run', 'missing.json'], tempDir());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("spikelab: cannot read 'missing.json': no such file\n");
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('stops quietly when the reader closes stdout early (spikelab run ... | head)', async () => {
    const dir = tempDir();
    writeInput(dir, 'net.json', tinyNetwork());
    // 100,000 steps of a 2-neuron trace: several hundred kB, far more than a pipe buffers.
    const child = spawn(
      process.execPath,
      [BIN, 'run', 'net.json', '--steps', '100000', '--backend', 'reference'],
      {
        cwd: dir,
      },
    );
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
