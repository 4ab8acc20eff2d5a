/**
 * hdl/host_bridge_bscan.v instantiates the real BSCANE2: checked against Yosys's Xilinx cell
 * library (cells_xtra.v, the primitive's ports and parameters as Vivado declares them), not
 * against our simulation stand-in, so a port or parameter name that only the stand-in has fails.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runTool, workDir } from './simulators.ts';

/** Elaborates the wrapper at USER `user` on the Xilinx library; asserts one BSCANE2 on it. */
function elaborate(wrapper: string, user: number): string {
  return runTool(
    'yosys',
    [
      '-p',
      [
        'read_verilog -lib +/xilinx/cells_xtra.v',
        `read_verilog hdl/host_bridge.v ${wrapper}`,
        `chparam -set USER ${user} host_bridge_bscan`,
        'hierarchy -check -top host_bridge_bscan',
        `select -assert-count 1 t:BSCANE2 r:JTAG_CHAIN=${user} %i`,
      ].join('; '),
    ],
    `elaborating ${wrapper} on the Xilinx cell library`,
  );
}

describe('hdl/host_bridge_bscan.v on the Xilinx BSCANE2', () => {
  it.each([1, 4])('USER%i: the primitive with JTAG_CHAIN set, every port known', (user) => {
    expect(elaborate('hdl/host_bridge_bscan.v', user)).toMatch(/End of script/);
  });

  it('a port the primitive does not have fails', () => {
    const work = workDir('bscan');
    try {
      const text = readFileSync(join(REPO_ROOT, 'hdl/host_bridge_bscan.v'), 'utf8');
      if (!text.includes('.SEL(sel)')) throw new Error("'.SEL(sel)' not found in the wrapper");
      const copy = join(work.dir, 'wrapper.v');
      writeFileSync(copy, text.replace('.SEL(sel)', '.SELECT(sel)'));
      expect(() => elaborate(copy, 1)).toThrow(/does not have a port named 'SELECT'/);
    } finally {
      work.dispose();
    }
  });
});
