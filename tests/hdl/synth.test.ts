/**
 * Every hdl/ module synthesises in Yosys (generic `synth`) without warnings from `check` and
 * without latches: the simulators accept constructs that no FPGA flow does, so passing the
 * benches is not enough. Defaults only for the fixed-point modules (their widest setting takes
 * Yosys 5 s; lint.test.ts covers the widths there).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool, workDir } from './simulators.ts';

/** Each module with the `chparam` settings to synthesise it at ('' = defaults). */
const MODULES: readonly { file: string; top: string; params: readonly string[] }[] = [
  {
    file: 'hdl/lfsr.v',
    top: 'lfsr',
    params: ['', "-set WIDTH 32 -set TAPS 32'h80200003 -set GALOIS 1"],
  },
  // A thin wrapper over fxp_lif_var: both files are read.
  { file: 'hdl/fxp_lif_var.v hdl/fxp_lif_update.v', top: 'fxp_lif_update', params: [''] },
  { file: 'hdl/fxp_channel.v', top: 'fxp_channel', params: [''] },
  { file: 'hdl/loihi_compartment.v', top: 'loihi_compartment', params: [''] },
  { file: 'hdl/online_o1_update.v', top: 'online_o1_update', params: [''] },
  { file: 'hdl/host_bridge.v', top: 'host_bridge', params: [''] },
  { file: 'hdl/mix32.v', top: 'mix32', params: [''] },
  { file: 'hdl/mix32_pipe.v', top: 'mix32_pipe', params: [''] },
  { file: 'hdl/mix32_pipe.v hdl/sc_lane.v', top: 'sc_lane', params: [''] },
  { file: 'hdl/online_o1_var.v', top: 'online_o1_var', params: [''] },
  // Generic synth maps the history memory to flip-flops: a small one keeps the test quick.
  { file: 'hdl/delay_ring.v', top: 'delay_ring', params: ['-set NMAX 32 -set DMAX 8'] },
  { file: 'hdl/spike_fanout.v', top: 'spike_fanout', params: [''] },
];

/** The Yosys script that synthesises `top` from `file` and asserts a clean, latch-free result. */
function script(file: string, top: string, chparam: string): string {
  return [
    `read_verilog ${file}`,
    ...(chparam ? [`chparam ${chparam} ${top}`] : []),
    `synth -top ${top}`,
    'check -assert',
    'select -assert-none t:$dlatch t:$_DLATCH_*',
    'stat',
  ].join('; ');
}

describe('hdl/ modules synthesise in yosys without latches', () => {
  it('the check fails on a module with a latch', () => {
    const work = workDir('latch');
    try {
      const file = join(work.dir, 'latch.v');
      writeFileSync(
        file,
        'module latch(input en, input d, output reg q);\n  always @* if (en) q = d;\nendmodule\n',
      );
      expect(() =>
        runTool('yosys', ['-p', script(file, 'latch', '')], 'synthesising latch.v'),
      ).toThrow(/synthesising latch.v: [\s\S]*selection is not empty: t:\$dlatch/);
    } finally {
      work.dispose();
    }
  });

  for (const { file, top, params } of MODULES) {
    it.each(params.map((p) => [p || 'defaults', p] as const))(`${file} (%s)`, (_, chparam) => {
      const output = runTool('yosys', ['-p', script(file, top, chparam)], `synthesising ${file}`);
      expect(output).toMatch(/Number of cells:\s+[1-9]/);
    });
  }
});
