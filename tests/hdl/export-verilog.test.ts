/**
 * `spikelab export-verilog`: the exported directory runs with exactly `iverilog -g2012 -o sim
 * *.v && vvp sim` and its spikes.csv holds the spikes of `spikelab run`; exports are
 * byte-identical for one document and their headers name its hash; documents the core cannot
 * run are refused naming each population/projection; networks too big for a PYNQ-Z2 are
 * refused naming the memory they need.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOARD_CLOCK } from '../../src/hdl/board-files.ts';
import { exportVerilog } from '../../src/hdl/export-verilog.ts';
import { documentHash } from '../../src/hdl/canonical-json.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import { runCli } from '../unit/cli/helpers.ts';
import { coreRtl, shell } from './core-cosim.ts';
import { randomNetwork } from './core-networks.ts';
import { REPO_ROOT, workDir } from './simulators.ts';

const EXAMPLE = join(REPO_ROOT, 'public/examples/fixed-point-hw.json');
const work = workDir('export');
afterAll(() => work.dispose());

function example(): NetworkDocument {
  const parsed = parseDocumentJson(readFileSync(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error('fixed-point-hw.json does not validate');
  return parsed.document;
}

describe('spikelab export-verilog', () => {
  it('writes a directory that iverilog runs as is, with the spikes of spikelab run', async () => {
    const dir = join(work.dir, 'literal');
    const exported = await runCli(['export-verilog', EXAMPLE, '--out', dir], work.dir);
    const wrote = /wrote (\d+) files .* capacity: 128 neurons, 1024 synapses/s.exec(
      exported.stderr,
    );
    expect(exported.code).toBe(0);
    const files = readdirSync(dir).sort();
    // Every file the CLI names is there: the core's and tb_top beside the images, vivado/ holding
    // the board top, its Tcl and constraints, and the bridge's RTL.
    const vivado = readdirSync(join(dir, 'vivado')).sort();
    expect(vivado).toEqual([
      'build.tcl',
      'host_bridge.v',
      'host_bridge_bscan.v',
      'pynq_z2.xdc',
      'spikelab_board.v',
    ]);
    expect(Number(wrote?.[1])).toBe(files.length - 1 + vivado.length);
    expect(files).toContain('tb_top.v');
    expect(files.filter((f) => f.startsWith('tb_') && f !== 'tb_top.v')).toEqual([]);

    // The same files pass Verilator's lint with every warning on (the build a user runs).
    expect(shell('verilator --lint-only -Wall --timing --top-module tb_top *.v 2>&1', dir)).toBe(
      '',
    );
    expect(
      shell(
        `verilator --lint-only -Wall -y . -y vivado -v ${join(REPO_ROOT, 'hdl/tb/bscane2_model.v')} -v ${join(REPO_ROOT, 'hdl/tb/plle2_base_model.v')} --top-module spikelab_board vivado/spikelab_board.v 2>&1`,
        dir,
      ),
    ).toBe('');
    // The core's clock: the PLL gives BOARD_CLOCK (its VCO in the -1 part's 800-1,600 MHz) and
    // the constraints bound the JTAG crossings by its period.
    const top = readFileSync(join(dir, 'vivado/spikelab_board.v'), 'utf8');
    const pll = (name: string): number =>
      Number(new RegExp(`\\.${name}\\(([\\d.]+)\\)`).exec(top)?.[1]);
    const vco = (1000 / pll('CLKIN1_PERIOD')) * pll('CLKFBOUT_MULT');
    expect(vco).toBeGreaterThanOrEqual(800);
    expect(vco).toBeLessThanOrEqual(1600);
    expect(Math.floor((vco / pll('CLKOUT0_DIVIDE')) * 10) / 10).toBe(BOARD_CLOCK.mhz);
    expect((pll('CLKOUT0_DIVIDE') * 1000) / vco).toBeCloseTo(BOARD_CLOCK.periodNs, 9);
    const xdc = readFileSync(join(dir, 'vivado/pynq_z2.xdc'), 'utf8');
    expect(xdc).toContain('create_generated_clock -name core_clk [get_pins pll/CLKOUT0]');
    const bounds = xdc.split('\n').filter((l) => l.startsWith('set_max_delay'));
    expect(bounds).toHaveLength(2);
    for (const line of bounds) {
      expect(line).toContain('[get_clocks core_clk]');
      expect(Number(line.split(' ').at(-1))).toBe(BOARD_CLOCK.periodNs);
    }
    const log = shell('iverilog -g2012 -o sim *.v && vvp sim', dir);
    expect(log).toMatch(/spikelab: 300 steps, \d+ clocks .* \d+ synaptic events/);
    const rtl = readFileSync(join(dir, 'spikes.csv'), 'utf8').trim().split('\n');

    const run = await runCli(['run', EXAMPLE, '--format', 'csv'], work.dir);
    expect(run.code).toBe(0);
    const dt = example().run.dt;
    const engine = run.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [population, index, tMs] = line.split(',');
        return `${Math.round(Number(tMs) / dt)},${population},${index}`;
      });
    expect(rtl[0]).toBe('step,population,index');
    expect(engine.length).toBeGreaterThan(100);
    expect(rtl.slice(1)).toEqual(engine);
  });

  it('gives byte-identical files for one document, with its hash in every header', () => {
    const doc = example();
    const options = { rtl: coreRtl(), version: 'test' };
    const a = exportVerilog(doc, options);
    const b = exportVerilog(structuredClone(doc), options);
    expect(b.files).toEqual(a.files);
    expect(a.hash).toBe(documentHash(doc));
    for (const f of a.files) {
      const first = f.text.split('\n')[0] ?? '';
      expect(first, f.path).toMatch(/^(\/\/|#|<!--) (Generated|Copied)/);
      expect(first, f.path).toContain(`sha256 ${a.hash}`);
      expect(first, f.path).toContain('spikelab test export-verilog (format 1)');
    }
    // Key order is not content: a reordered document has the same hash.
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(doc).reverse())),
    ) as NetworkDocument;
    expect(documentHash(reordered)).toBe(a.hash);
    const changed = structuredClone(doc);
    const projection = changed.projections[0];
    if (projection?.weight.kind !== 'constant') throw new Error('the example changed');
    projection.weight.value = 0.21;
    const c = exportVerilog(changed, options);
    expect(c.hash).not.toBe(a.hash);
    expect(c.files[0]?.text).toContain(c.hash);
    expect(c.files.find((f) => f.path === 'syn_weight.hex')?.text).not.toBe(
      a.files.find((f) => f.path === 'syn_weight.hex')?.text,
    );
  });

  it('refuses models without an exact hardware form, naming each one', async () => {
    const doc = randomNetwork(7, 20) as unknown as { populations: Record<string, unknown>[] };
    doc.populations.push(
      {
        id: 'float',
        label: 'Float cells',
        model: 'stochastic_lif',
        size: 3,
        position: { x: 0, y: 0 },
        params: {
          v_rest: 0,
          v_reset: 0,
          v_threshold: 1,
          tau_mem: 10,
          resistance: 1,
          noise_std: 0,
          refractory_period: 0,
          bias: 0,
          v_init: { kind: 'constant', value: 0 },
        },
      },
      {
        id: 'izh',
        model: 'izhikevich',
        size: 2,
        position: { x: 0, y: 0 },
        params: {
          a: 0.02,
          b: 0.2,
          c: -65,
          d: 8,
          bias: 0,
          noise_std: 0,
          v_init: { kind: 'constant', value: -65 },
        },
      },
    );
    const dir = join(work.dir, 'refused');
    mkdirSync(dir);
    writeFileSync(join(dir, 'net.json'), JSON.stringify(doc));
    const result = await runCli(['export-verilog', 'net.json', '--out', 'out'], dir);
    expect(result.stderr).toMatch(
      /population 'float' \(Float cells\) is a float LIF.*fixed_point_lif/,
    );
    expect(result.stderr).toMatch(/population 'izh' is a izhikevich population/);
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['net.json']);
  });

  it('refuses a network that does not fit a PYNQ-Z2, naming the memory it needs', () => {
    const doc = example();
    const big = structuredClone(doc);
    const exc = big.populations.find((p) => p.id === 'exc');
    if (!exc) throw new Error('the example changed');
    exc.size = 600;
    const recurrent = big.projections.find((p) => p.id === 'exc_exc');
    if (!recurrent) throw new Error('the example changed');
    recurrent.connectivity = { rule: 'all_to_all', allow_self: false };
    expect(() => exportVerilog(big, { rtl: coreRtl(), version: 'test' })).toThrow(
      /needs \d+ bits of memory in the core \(.*synapses \(target, weight, delay\) \d+.*\); a PYNQ-Z2 holds 5160960/,
    );
  });

  it('says so when --out is missing or cannot be written', async () => {
    const missing = await runCli(['export-verilog', EXAMPLE], work.dir);
    expect(missing.stderr).toContain('export-verilog needs --out DIR');
    expect(missing.code).toBe(2);
    const file = join(work.dir, 'a-file');
    writeFileSync(file, 'x');
    const blocked = await runCli(['export-verilog', EXAMPLE, '--out', join(file, 'dir')], work.dir);
    expect(blocked.stderr).toMatch(/cannot write into '.*a-file\/dir'/);
    expect(blocked.code).toBe(1);
  });
});
