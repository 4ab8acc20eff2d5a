/**
 * The estimate of the board build (`BUS = 1`, the learning pass, the bridge) against Yosys 0.23
 * runs by hand (src/hdl/fit/bus-model.ts has the table; hdl/README.md, "Resource fit"): the
 * example fixed-point-hw.json's capacities at BUS 0 and 1, with and without ONLINE_O1, and
 * the board tops. And the export's refusal of a board build that does not fit the xc7z020.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CAPACITY } from './fixtures/example-capacity.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import { capacityFor, type CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { layoutCore } from '../../../src/hdl/core-images.ts';
import { CapacityError, exportVerilog } from '../../../src/hdl/export-verilog.ts';
import { boardOverflows, estimateBoard } from '../../../src/hdl/fit/board-fit.ts';
import { BRIDGE_LOGIC, O1_PASS, O1_UPDATE } from '../../../src/hdl/fit/bus-model.ts';
import { estimateResources } from '../../../src/hdl/fit/resource-model.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { coreRtl } from '../../hdl/core-cosim.ts';

const example = EXAMPLE_CAPACITY;
const learning: CoreCapacity = { ...example, ONLINE_O1: 1 };
const bits = { synDelay: 3 };
const logic = (e: ReturnType<typeof estimateResources>): number => e.luts - 4 * e.lutRamCells;
const near = (got: number, want: number, tolerance: number): boolean =>
  Math.abs(got - want) / want <= tolerance;

describe('the BUS = 1 core and the learning pass in the estimate', () => {
  it('the example at BUS = 1, without and with ONLINE_O1: logic within 2 %, memories exact', () => {
    // Yosys 0.23 (core 2ffa959): logic LUTs, LUT-RAM cells (RAM32M + RAM64M), FFs, RAMB18 and
    // RAMB36, DSP48E1. The FFs moved by the BUS = 0 example's since (803 -> 1,512 at the 100 MHz
    // core: the pipelines' registers, the same in both cores).
    const moved = 1512 - 803;
    const runs: [CoreCapacity, number, number, number, number, number, number][] = [
      [example, 5220, 30 + 558, 1696 + moved, 9, 1, 30],
      [learning, 5460, 30 + 558, 1817 + moved, 9, 5, 30],
    ];
    for (const [c, luts, cells, ffs, ramb18, ramb36, dsp] of runs) {
      const e = estimateResources(c, {}, true);
      expect(near(logic(e), luts, 0.02), `${logic(e)} LUTs`).toBe(true);
      expect(near(e.flipFlops, ffs, 0.02), `${e.flipFlops} FFs`).toBe(true);
      expect([e.lutRamCells, e.ramb18, e.ramb36, e.dsp]).toEqual([cells, ramb18, ramb36, dsp]);
    }
  });

  it('ONLINE_O1 at BUS = 0 adds what Yosys added (online_o1_var and the pass, 4 RAMB36)', () => {
    // Yosys 0.23: BUS 0 2,413 logic LUTs, 809 FFs, 5 + 1 RAMB, 20 DSP; with ONLINE_O1 3,810,
    // 955, 5 + 5, 30.
    const plain = estimateResources(example, bits);
    const o1 = estimateResources(learning, bits);
    expect(logic(o1) - logic(plain)).toBe(3810 - 2413);
    expect(O1_UPDATE.luts + O1_PASS.luts).toBe(3810 - 2413);
    expect(o1.flipFlops - plain.flipFlops).toBe(955 - 809);
    expect([o1.ramb18 - plain.ramb18, o1.ramb36 - plain.ramb36]).toEqual([0, 4]);
    expect(o1.dsp - plain.dsp).toBe(10);
  });

  it('the first board top (J1, LOIHI, SYNMAX 32768): LUT RAM within 1 %, block RAM 6 %', () => {
    // Yosys 0.23 by hand at an earlier core: 1,816 RAM64M + 24 RAM32M, 60 RAMB36 + 22 RAMB18.
    const c: CoreCapacity = { ...BOARD_CAPACITY, SYNMAX: 32768 };
    delete c.ONLINE_O1;
    delete c.SCCHMAX;
    delete c.SCKMAX;
    const e = estimateBoard(c);
    expect(near(e.lutRamCells, 1816 + 24, 0.01), `${e.lutRamCells} cells`).toBe(true);
    expect(near(e.bram36, 60 + 22 / 2, 0.06), `${e.bram36} RAMB36`).toBe(true);
  });

  it('the board top is the BUS = 1 core and the bridge', () => {
    const core = estimateResources(BOARD_CAPACITY, {}, true);
    const board = estimateBoard(BOARD_CAPACITY);
    expect(board.luts - core.luts).toBe(BRIDGE_LOGIC.luts);
    expect(board.flipFlops - core.flipFlops).toBe(BRIDGE_LOGIC.flipFlops);
    expect([board.bram36, board.dsp]).toEqual([core.bram36, core.dsp]);
  });

  it('every resource over the part is named with its numbers', () => {
    const tiny = { luts: 1000, flipFlops: 100000, bram36: 140, dsp: 10 };
    expect(boardOverflows(BOARD_CAPACITY, tiny)).toEqual([
      expect.stringMatching(/^LUTs [\d,]+ of 1,000$/),
      expect.stringMatching(/^DSP48E1 \d+ of 10$/),
    ]);
  });
});

describe('export-verilog and the board build', () => {
  const parsed = parseDocumentJson(readFileSync('public/examples/fixed-point-hw.json', 'utf8'));
  if (!parsed.ok) throw new Error('fixed-point-hw.json does not validate');
  const doc = parsed.document;
  const own = capacityFor(layoutCore(compile(doc)).needs);

  it('refuses a board build that does not fit the xc7z020, naming block RAM', () => {
    const capacity = { ...own, SYNMAX: 32768 };
    expect(() => exportVerilog(doc, { rtl: coreRtl(), version: 'test', capacity })).toThrow(
      CapacityError,
    );
    expect(() => exportVerilog(doc, { rtl: coreRtl(), version: 'test', capacity })).toThrow(
      /board build of 'Fixed-point network for the FPGA' .*SYNMAX 32768\) does not fit the xc7z020 by the fit model: block RAM \(RAMB36\) [\d.,]+ of 140$/,
    );
  });

  it('exports the same network at its own capacity (board build BOARD_CAPACITY)', () => {
    const exported = exportVerilog(doc, { rtl: coreRtl(), version: 'test' });
    const top = exported.files.find((f) => f.path === 'vivado/spikelab_board.v')?.text ?? '';
    expect(top).toContain(`.SYNMAX(${BOARD_CAPACITY.SYNMAX}),`);
    expect(top).toContain('.ONLINE_O1(1),');
  });
});
