/** `spikelab import-nir` and `spikelab export-nir` through the real executable, on one fixture. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../src/model/index.ts';
import { readNirFile } from '../../../src/model/interchange/nir/graph.ts';
import { FIXTURE_DIR } from './nir-map-helpers.ts';

const BIN = new URL('../../../bin/spikelab.mjs', import.meta.url).pathname;

function spikelab(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('spikelab import-nir / export-nir', () => {
  it('imports a fixture with its report, and exports the document back to a .nir file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-nir-'));
    const nir = join(FIXTURE_DIR, 'lif_affine.nir');
    const imported = spikelab(['import-nir', nir, '--dt', '1e-3', '--out', 'net.json'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('lif (LIF) -> population lif (nir_neuron LIF)');
    expect(imported.stdout).toContain(
      'leak = 1 - exp(-dt/tau_mem) (dt = 1 ms) = [3] 0.048770577..0.18126924',
    );
    expect(imported.stdout).toContain('Everything was mapped.');
    const doc = JSON.parse(readFileSync(join(dir, 'net.json'), 'utf8')) as unknown;
    const valid = validateDocument(doc);
    expect(valid.ok).toBe(true);

    const exported = spikelab(['export-nir', 'net.json', '--out', 'back.nir'], dir);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('lif (nir_neuron) -> LIF');
    const { graph } = await readNirFile(new Uint8Array(readFileSync(join(dir, 'back.nir'))));
    expect(Object.fromEntries(Object.entries(graph.nodes).map(([k, n]) => [k, n.type]))).toEqual({
      input: 'Input',
      lif: 'LIF',
      affine: 'Affine',
      lif_output: 'Output',
    });
  });

  it('exits 2 naming the missing --dt', () => {
    const result = spikelab(['import-nir', join(FIXTURE_DIR, 'lif_affine.nir')], tmpdir());
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "spikelab: import-nir needs --dt (the step in NIR's time unit, e.g. 1e-3)\n",
    );
  });
});
