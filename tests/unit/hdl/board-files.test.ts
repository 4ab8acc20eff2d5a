/**
 * The board build's Vivado files (src/hdl/board-files.ts): the capacity an export's board top
 * is built at, the top's wiring of the bridge to a BUS = 1 core, and the Tcl's sources and
 * USERCODE. The top itself is linted (export-verilog.test.ts) and simulated (rtl-board.test.ts)
 * in tests/hdl.
 */
import { describe, expect, it } from 'vitest';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import {
  BOARD_RTL_FILES,
  CORE_RTL_FILES,
  EXPORT_RTL_FILES,
  boardBuildCapacity,
  boardVerilog,
  buildTcl,
} from '../../../src/hdl/board-files.ts';
import { SPIKELAB_USERCODE } from '../../../src/hdl/core-usercode.ts';
import { SPIKELAB_USERCODE as HOST_USERCODE } from '../../../src/usb/board/usercode.ts';

describe('the board build', () => {
  it('is BOARD_CAPACITY, grown only where a network needs more', () => {
    const small = { ...BOARD_CAPACITY, NMAX: 64, SYNMAX: 256 };
    delete small.LOIHI;
    expect(boardBuildCapacity(small)).toEqual(BOARD_CAPACITY);
    const wide = boardBuildCapacity({ ...small, CHMAX: 8, DMAX: 64 });
    expect(wide).toEqual({ ...BOARD_CAPACITY, CHMAX: 8, DMAX: 64 });
  });

  it('wires the bridge on USER1 to a BUS = 1 core at the capacity given', () => {
    const top = boardVerilog('// test\n', BOARD_CAPACITY, 300);
    expect(top).toMatch(/host_bridge_bscan #\(\s*\.USER\(1\)\s*\) bridge/);
    for (const [k, v] of Object.entries(BOARD_CAPACITY)) expect(top).toContain(`.${k}(${v}),`);
    expect(top).toContain('.BUS(1),');
    for (const port of ['bus_addr', 'bus_wdata', 'bus_we', 'bus_re', 'bus_rdata', 'bus_ready']) {
      expect(top.match(new RegExp(`\\.${port}\\(${port}\\)`, 'g'))).toHaveLength(2);
    }
    expect(top).toContain('.core_busy(busy)');
    expect(top).toContain('.core_step_done(step_done)');
    expect(top).toContain('.step_done(step_done)');
    expect(top).toContain(".n_steps(bridge_start ? bridge_steps : 32'd300)");
  });

  it("reads the bridge's files from vivado/ and sets the Spikelab USERCODE", () => {
    expect(EXPORT_RTL_FILES).toEqual([...CORE_RTL_FILES, ...BOARD_RTL_FILES]);
    const tcl = buildTcl('# test\n');
    for (const f of BOARD_RTL_FILES) expect(tcl).toContain(`  vivado/${f} \\\n`);
    expect(HOST_USERCODE).toBe(SPIKELAB_USERCODE);
    expect(SPIKELAB_USERCODE).toBe(0x534c0101);
    const userid = /set_property BITSTREAM\.CONFIG\.USERID (0x[0-9A-F]{8}) \[current_design\]\n/;
    expect(userid.exec(tcl)?.[1]).toBe('0x534C0101');
    expect(tcl.indexOf('USERID')).toBeLessThan(tcl.indexOf('write_bitstream'));
  });
});
