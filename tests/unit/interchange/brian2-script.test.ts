/**
 * The Brian2 export's text, without running Python: a Loihi document names brian2-loihi's
 * classes with its parameters, what Brian2 cannot express is refused by path, and the packed
 * arrays decode to what was packed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import {
  Brian2ExportError,
  brian2FileName,
  exportBrian2,
} from '../../../src/model/interchange/brian2/index.ts';
import { base64, varints } from '../../../src/model/interchange/brian2/pack.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { readOutput, runCli, tempDir } from '../cli/helpers.ts';
import { valid } from './brian2-fixtures.ts';

function example(name: string): NetworkDocument {
  const url = new URL(`../../../public/examples/${name}`, import.meta.url);
  return valid(JSON.parse(readFileSync(url, 'utf8')));
}

const script = (doc: NetworkDocument) => exportBrian2(doc, compile(doc), { version: 'test' });

describe('Brian2 export text', () => {
  it("names brian2-loihi's classes with the document's Loihi parameters", () => {
    const text = script(example('loihi.json'));
    expect(text).toContain('from brian2_loihi import (');
    expect(text).toMatch(
      /pop_loihi = LoihiNeuronGroup\(\s*3, refractory=2, threshold_v_mant=70,\s*decay_v=400, decay_I=1000/,
    );
    expect(text).toMatch(
      /LoihiSynapses\(\s*pop_inputs, pop_loihi,\s*delay=0, w_exp=0, sign_mode=1, num_weight_bits=8/,
    );
    expect(text).toContain('.w = np.asarray([50, 120, -60, 200, 30, 90], dtype=np.int64)');
    expect(text).toMatch(/= LoihiSpikeGeneratorGroup\(/);
    expect(text).toMatch(/LoihiStateMonitor\(pop_loihi, 'I'/);
    expect(text).toMatch(/net = LoihiNetwork\(/);
    expect(text).toContain('net.run(STEPS)');
    // No plain Brian2 group is built in a Loihi script.
    expect(text).not.toMatch(/(^|[^i])NeuronGroup\(|(^|[^i])Synapses\(|= Network\(/m);
    const learning = script(example('loihi-learning.json'));
    expect(learning).toMatch(/LoihiSynapses\([^)]*dw="[^"]+"/);
    expect(learning).toMatch(/imp_x1=\d+, tau_x1=\d+/);
  });

  it('refuses what Brian2 cannot run as Spikelab does, one path per part', () => {
    const refusals = (doc: NetworkDocument): string[] => {
      try {
        script(doc);
      } catch (error) {
        if (error instanceof Brian2ExportError) return error.refusals.map((r) => r.path);
        throw error;
      }
      return [];
    };
    expect(refusals(example('dynapsim.json'))).toContain('populations[0].model');
    expect(refusals(example('sc-dense.json'))).toEqual(['populations[0].model']);
    expect(refusals(example('fixed-point-lif.json'))).toEqual(['populations[1].model']);
    expect(refusals(example('rstdp.json'))).toContain('projections[0].plasticity.rule');
    expect(refusals(example('cuba.json'))).toEqual([]);
    expect(() => script(example('sc-dense.json'))).toThrow(/populations\[0\]\.model: 'sc_dense'/);
  });

  it('packs connectivity compactly and exactly', () => {
    const bytes = Uint8Array.from({ length: 101 }, (_, k) => (k * 37 + 11) % 256);
    for (const n of [0, 1, 2, 3, 4, 100, 101]) {
      expect(base64(bytes.subarray(0, n))).toBe(
        Buffer.from(bytes.subarray(0, n)).toString('base64'),
      );
    }
    expect(Array.from(varints([0, 127, 128, 300, 2 ** 31]))).toEqual([
      0, 127, 128, 1, 172, 2, 128, 128, 128, 128, 8,
    ]);
    // CUBA: 320,000 synapses in about one byte each, far below decimals' size.
    const cuba = script(example('cuba.json'));
    expect(cuba.length).toBeLessThan(700_000);
    expect(brian2FileName(example('cuba.json'))).toBe('cuba_brian2_benchmark.py');
  });

  it('writes a script Python parses, with the STDP rule in Brian2 terms', () => {
    const text = script(example('stdp.json'));
    expect(text).toContain('w_syn = clip(w_syn - apost, w_min, w_max)');
    expect(text).toContain('w_syn = clip(w_syn + apre, w_min, w_max)');
    const python = process.env.SPIKELAB_PYTHON ?? '/usr/bin/python3';
    // compile() only: no Brian2 import, so this stays fast.
    execFileSync(python, ['-c', 'import sys; compile(sys.stdin.read(), "net.py", "exec")'], {
      input: text,
    });
  });

  it('is `spikelab export-brian2`: stdout or --out, --standalone as the default device, refusals exit 2', async () => {
    const dir = tempDir();
    const examples = new URL('../../../public/examples/', import.meta.url).pathname;
    const loihi = await runCli(['export-brian2', `${examples}loihi.json`], dir);
    expect(loihi.code).toBe(0);
    expect(loihi.stdout).toContain('LoihiNetwork(');
    const cuba = await runCli(
      ['export-brian2', `${examples}cuba.json`, '--out', 'cuba.py', '--standalone'],
      dir,
    );
    expect(cuba.code).toBe(0);
    expect(cuba.stdout).toBe('');
    expect(readOutput(dir, 'cuba.py')).toContain("STANDALONE = '--numpy' not in sys.argv[1:]");
    const refused = await runCli(['export-brian2', `${examples}sc-dense.json`], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/populations\[0\]\.model: 'sc_dense'/);
  });
});
