/**
 * What the board build's core adds to the estimate: the bus slave (`BUS = 1`), the learning
 * pass (`ONLINE_O1 = 1`), and the host bridge of the board top. Fitted to Yosys 0.23
 * `synth_xilinx -family xc7` runs of the core at commit 2ffa959 (the example
 * fixed-point-hw.json's capacities: NMAX 128, POPMAX 4, PRJMAX 8, CHMAX 3, SYNMAX 1024,
 * EXTMAX 2) and of `host_bridge_bscan` alone; hdl/README.md, "Resource fit", has the table and
 * the first board top against it. Pure.
 *
 * | run (the example's capacities) | logic LUTs | LUT-RAM cells | FFs   | RAMB18 + RAMB36 | DSP |
 * | ------------------------------ | ---------- | ------------- | ----- | --------------- | --- |
 * | BUS 0                          | 2,413      | 32            | 809   | 5 + 1           | 20  |
 * | BUS 1                          | 5,220      | 588           | 1,696 | 9 + 1           | 30  |
 * | BUS 1, ONLINE_O1 1             | 5,460      | 588           | 1,817 | 9 + 5           | 30  |
 * | BUS 0, ONLINE_O1 1             | 3,810      | 34            | 955   | 5 + 5           | 30  |
 * | host_bridge_bscan              | 646        | 0             | 548   | 0               | 0   |
 */
import type { CoreCapacity } from '../core-capacity.ts';
import { lutRamCells, type CoreMemory } from './memory-map.ts';

/**
 * Read ports through which Yosys replicates the writable population and projection tables
 * into LUT RAM (`S_POP` and `S_PRJ` read up to 16 + CHMAX words in one clock; Yosys trims
 * the bits each port uses, so these are fitted): 25 replicas of the example's two 128-word
 * tables (550 cells), and 16 of `pop` and 9 of `prj` reproduce the first board top's 1,812
 * (J1: 1,816 RAM64M + 24 RAM32M less the small tables) to 0.4 %.
 */
export const POP_READ_PORTS = 16;
export const PRJ_READ_PORTS = 9;

/** The population (32 words each) and projection (16 words) tables as one LUT-RAM copy. */
export function tableMemories(c: CoreCapacity): CoreMemory[] {
  return [
    { name: 'population table', depth: c.POPMAX * 32, width: 32, written: true },
    { name: 'projection table', depth: c.PRJMAX * 16, width: 32, written: true },
  ];
}

/** LUT-RAM cells of the replicated `pop` and `prj` tables at `BUS = 1`. */
export function tableReplicaCells(c: CoreCapacity): number {
  const [pop, prj] = tableMemories(c).map(lutRamCells);
  return POP_READ_PORTS * (pop ?? 0) + PRJ_READ_PORTS * (prj ?? 0);
}

/**
 * Logic LUTs of one replica's read multiplexer across its 64-word tiles, per data bit per
 * extra tile (a LUT6 with MUXF7/F8 selects among 4 to 16 inputs: about half a LUT a tile).
 */
export const TILE_MUX_LUTS = 0.5;

function replicaMuxLuts(c: CoreCapacity): number {
  const [pop, prj] = tableMemories(c).map((m) => m.width * (Math.ceil(m.depth / 64) - 1));
  return TILE_MUX_LUTS * (POP_READ_PORTS * (pop ?? 0) + PRJ_READ_PORTS * (prj ?? 0));
}

/** Bits of the stimulus table (4 words of 32 bits per event): flip-flops once it is writable. */
export function extBits(c: CoreCapacity): number {
  return c.EXTMAX * 4 * 32;
}

/**
 * The bus slave at `BUS = 1` besides its tables: the region decode, the read multiplexer over
 * every region and `run_state`, and the stimulus table in flip-flops (`EXT_LUTS_PER_BIT` for
 * its read and write multiplexers). Fitted: the example's BUS 0 -> 1 difference less its ext
 * table, its replica multiplexers, `online_o1_var` (`O1_UPDATE`, which Yosys keeps at
 * `BUS = 1`) and the table logic the BUS = 0 model counts (at BUS = 1 the tables are LUT RAM).
 */
export const BUS_LOGIC = { luts: 1343, flipFlops: 606 } as const;
export const EXT_LUTS_PER_BIT = 0.3;

/** Logic LUTs the bus slave adds at `c` (its LUT-RAM cells are counted apart). */
export function busLuts(c: CoreCapacity): number {
  return BUS_LOGIC.luts + EXT_LUTS_PER_BIT * extBits(c) + replicaMuxLuts(c);
}

/** Flip-flops the bus slave adds at `c`: its registers and the stimulus table. */
export function busFlipFlops(c: CoreCapacity): number {
  return BUS_LOGIC.flipFlops + extBits(c);
}

/**
 * `online_o1_var` (two products: 10 DSP48E1), built when the core learns, and at `BUS = 1`
 * also without learning (its outputs reach the bus's read path, so Yosys keeps it): the BUS 0
 * runs with and without ONLINE_O1 differ by 1,397 logic LUTs and 146 FFs, of which the
 * learning pass is `O1_PASS` (the BUS 1 runs' difference, where the module is in both).
 */
export const O1_UPDATE = { luts: 1157, flipFlops: 25, dsp: 10 } as const;

/** The learning pass (`ONLINE_O1 = 1`; its memories are in `coreMemories`). */
export const O1_PASS = { luts: 240, flipFlops: 121 } as const;

/** What `online_o1_var` and the learning pass add at `c` (`bus`: BUS = 1). */
export function onlineO1Logic(
  c: CoreCapacity,
  bus: boolean,
): { luts: number; flipFlops: number; dsp: number } {
  const pass = c.ONLINE_O1 === 1 ? O1_PASS : { luts: 0, flipFlops: 0 };
  const update = bus || c.ONLINE_O1 === 1 ? O1_UPDATE : { luts: 0, flipFlops: 0, dsp: 0 };
  return {
    luts: pass.luts + update.luts,
    flipFlops: pass.flipFlops + update.flipFlops,
    dsp: update.dsp,
  };
}

/** `host_bridge_bscan` alone (Yosys 0.23): the board top's bridge on JTAG USER1. */
export const BRIDGE_LOGIC = { luts: 646, flipFlops: 548 } as const;
