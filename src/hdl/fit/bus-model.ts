/**
 * What the board build's core adds to the estimate: the bus slave (`BUS = 1`), the learning
 * pass (`ONLINE_O1 = 1`), and the host bridge of the board top. Fitted to Yosys 0.23
 * `synth_xilinx -family xc7` runs of the core at commit 2fcedc8 (the example
 * fixed-point-hw.json's capacities: NMAX 128, POPMAX 4, PRJMAX 8, CHMAX 3, SYNMAX 1024,
 * EXTMAX 2) and of `host_bridge_bscan` alone; hdl/README.md, "Resource fit", has the table and
 * the board top measured against it. Pure.
 *
 * | run (the example's capacities) | logic LUTs | LUT-RAM cells | FFs   | RAMB18 + RAMB36 | DSP |
 * | ------------------------------ | ---------- | ------------- | ----- | --------------- | --- |
 * | BUS 0                          | 2,413      | 32            | 809   | 5 + 1           | 20  |
 * | BUS 1                          | 5,220      | 588           | 1,696 | 9 + 1           | 30  |
 * | BUS 1, ONLINE_O1 1             | 5,460      | 588           | 1,817 | 9 + 5           | 30  |
 * | BUS 0, ONLINE_O1 1             | see O1_LOGIC                                                |
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
 * every region and `run_state`; `online_o1_var`, which Yosys keeps at `BUS = 1` even with
 * ONLINE_O1 = 0 (its outputs reach the bus's read path), with its 10 DSP48E1; and the
 * stimulus table in flip-flops (`EXT_LUTS_PER_BIT` for its read and write multiplexers).
 * The BUS 0 -> 1 difference of the example less its ext table and replica multiplexers, and
 * less the table logic the BUS = 0 model counts (the tables are LUT RAM here, not logic).
 */
export const BUS_LOGIC = { luts: 2500, flipFlops: 631, dsp: 10 } as const;
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
 * The learning pass (`ONLINE_O1 = 1`, its memories are in `coreMemories`): the BUS 1 runs
 * with and without it differ by 240 logic LUTs and 121 FFs; its DSP48E1 are `online_o1_var`'s
 * (at `BUS = 0` Yosys removes it when ONLINE_O1 = 0).
 */
export const O1_LOGIC = { luts: 240, flipFlops: 121, dsp: 10 } as const;

/** `host_bridge_bscan` alone (Yosys 0.23): the board top's bridge on JTAG USER1. */
export const BRIDGE_LOGIC = { luts: 646, flipFlops: 548 } as const;
