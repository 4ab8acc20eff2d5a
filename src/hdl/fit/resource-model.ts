/**
 * The generator's instant estimate of what `synth_xilinx -family xc7` makes of
 * `hdl/spikelab_core.v` at given capacities: LUTs, flip-flops, block RAM (RAMB36, a RAMB18
 * half of one) and DSP48E1. Memories follow `memory-map.ts` (Yosys's own cost rule); the
 * logic around them is fitted to Yosys 0.23 runs of the core (numbers below). Pure.
 */
import {
  CORE_LOIHI_IW,
  CORE_LOIHI_VW,
  CORE_O1_TW,
  CORE_O1_WW,
  CORE_SC_THRESHOLD_W,
  clog2,
  type CoreCapacity,
} from '../core-capacity.ts';
import { CORE_RW, CORE_WMAX } from '../core-images.ts';
import { busFlipFlops, busLuts, onlineO1Logic, tableReplicaCells } from './bus-model.ts';
import { mapMemory, type CoreMemory, type MemoryMapping } from './memory-map.ts';
import type { ResourceCounts } from './yosys-stat.ts';

/**
 * Bits of the read-only images that vary (Yosys drops a bit column that is the same constant
 * in every word, e.g. the high bits of small delays). Absent: the declared width.
 */
export interface ImageBits {
  synTarget?: number;
  synWeight?: number;
  synDelay?: number;
  rowStart?: number;
  rowEnd?: number;
  genPtr?: number;
  genIdx?: number;
}

/**
 * The core's block-RAM-class memories at capacity `c` (hdl/spikelab_core.v, "images"). With
 * `bus` (`BUS = 1`) the bus slave writes every image, so none is a ROM: no column is constant
 * and none is left as logic.
 */
export function coreMemories(c: CoreCapacity, bits: ImageBits = {}, bus = false): CoreMemory[] {
  const nw = clog2(c.NMAX);
  const syw = clog2(c.SYNMAX) + 1;
  const giw = clog2(c.GIDXMAX) + 1;
  const rom = (name: string, depth: number, width: number, used?: number): CoreMemory => ({
    name,
    depth,
    width: bus ? width : Math.min(width, used ?? width),
    written: bus,
  });
  const ram = (name: string, depth: number, width: number): CoreMemory => ({
    name,
    depth,
    width,
    written: true,
  });
  return [
    ram('V', c.NMAX, CORE_WMAX),
    ram('refractory counters', c.NMAX, CORE_RW),
    ram('spike history words', c.NMAX, c.DMAX),
    ...Array.from({ length: c.CHMAX }, (_, k) => ram(`channel current ${k}`, c.NMAX, CORE_WMAX)),
    ram('spike-list ring', c.DMAX * c.NMAX, nw),
    rom('row starts', c.ROWMAX, syw, bits.rowStart),
    rom('row ends', c.ROWMAX, syw, bits.rowEnd),
    rom('synapse targets', c.SYNMAX, nw, bits.synTarget),
    rom('synapse weights', c.SYNMAX, CORE_WMAX, bits.synWeight),
    rom('synapse delays', c.SYNMAX, 8, bits.synDelay),
    rom('generator pointers', c.GPTRMAX, giw, bits.genPtr),
    rom('generator indices', c.GIDXMAX, nw, bits.genIdx),
    ...(c.LOIHI === 1
      ? [ram('Loihi v', c.NMAX, CORE_LOIHI_VW), ram('Loihi I', c.NMAX, CORE_LOIHI_IW)]
      : []),
    ...(c.ONLINE_O1 === 1
      ? [
          ram('OnlineO1 weights', c.SYNMAX, CORE_O1_WW),
          ram('OnlineO1 pre traces', c.SYNMAX, CORE_O1_TW),
          ram('OnlineO1 post traces', c.SYNMAX, CORE_O1_TW),
          ram('OnlineO1 eligibility', c.SYNMAX, CORE_O1_TW),
        ]
      : []),
    ...((c.SCCHMAX ?? 0) > 0 ? scMemories(c, rom) : []),
  ];
}

/** An SC build's tables (`SCCHMAX > 0`): read-only in an export, written with the bus. */
function scMemories(
  c: CoreCapacity,
  rom: (name: string, depth: number, width: number) => CoreMemory,
): CoreMemory[] {
  const channels = c.SCCHMAX ?? 0;
  return [
    rom('SC input keys', channels, 32),
    rom('SC weight keys', channels, 32),
    rom('SC input thresholds', channels, CORE_SC_THRESHOLD_W),
    rom('SC weight thresholds', channels, CORE_SC_THRESHOLD_W),
    rom('SC current-by-count tables', c.SCKMAX ?? 0, CORE_WMAX),
  ];
}

export interface ResourceEstimate extends ResourceCounts {
  ramb18: number;
  ramb36: number;
  lutRamCells: number;
  memories: MemoryMapping[];
}

/**
 * The estimate for the core at capacity `c`; with `bus`, the `BUS = 1` core of the board build
 * (its writable images, the replicated tables and the slave's logic: `bus-model.ts`).
 */
export function estimateResources(
  c: CoreCapacity,
  bits: ImageBits = {},
  bus = false,
): ResourceEstimate {
  const memories = coreMemories(c, bits, bus).map(mapMemory);
  const ramb18 = memories.reduce((s, m) => s + m.ramb18, 0);
  const ramb36 = memories.reduce((s, m) => s + m.ramb36, 0);
  const lutRamCells =
    memories.reduce((s, m) => s + m.lutRamCells, 0) +
    smallTableCells(c) +
    (bus ? tableReplicaCells(c) : 0);
  const romLogicBits = memories
    .filter((m) => m.kind === 'logic')
    .reduce((s, m) => s + m.memory.depth * m.memory.width, 0);
  const o1 = onlineO1Logic(c, bus);
  // At BUS = 1 the tables are LUT RAM (counted in cells), not the logic of the BUS = 0 model.
  const logic = bus ? logicLuts(c) - tableLogicLuts(c) + busLuts(c) : logicLuts(c);
  return {
    luts: Math.round(logic + o1.luts + romLogicBits / ROM_BITS_PER_LUT) + 4 * lutRamCells,
    flipFlops: Math.round(logicFlipFlops(c) + (bus ? busFlipFlops(c) : 0) + o1.flipFlops),
    bram36: ramb36 + ramb18 / 2,
    dsp: coreDsp(c) + o1.dsp,
    ramb18,
    ramb36,
    lutRamCells,
    memories,
  };
}

/**
 * The logic model, fitted to Yosys 0.23 runs of the core (synth_xilinx -family xc7). The core
 * changes under this model; its increments were fitted on one revision (465421b) and its
 * offset moved to the current one (d93b386, the example: 2,571 logic LUTs, 803 FFs):
 *
 * | run (revision 465421b)         | NMAX | SYNMAX | CHMAX | POPMAX | PRJMAX | logic LUTs | FFs | DSP |
 * | ------------------------------ | ---- | ------ | ----- | ------ | ------ | ---------- | --- | --- |
 * | fixed-point-hw.json            | 128  | 1024   | 3     | 4      | 8      | 2,413      | 795 | 20  |
 * | the same, CHMAX 1              | 128  | 1024   | 1     | 4      | 8      | 1,849      | 796 | 18  |
 * | the same, every population x2  | 256  | 4096   | 3     | 4      | 8      | 2,438      | 786 | 20  |
 * | 4,096 neurons (fan-in 8)       | 4096 | 65536  | 1     | 2      | 2      | 1,598      | 687 | 18  |
 *
 * Each channel bank adds 282 LUTs (its saturating add and decay in the lane) and one DSP48E1;
 * the population and projection tables, which Yosys builds as logic (many asynchronous
 * reads), add about 0.037 LUT per table bit and 13.5 flip-flops per table entry; ROMs left as
 * logic (row pointers, generator tables) about one LUT per 256 bits (their contents are
 * regular: row ends are the next row's starts). The memories' address widths barely move the
 * logic (2,413 -> 2,438 from NMAX 128 to 256). Block RAM and LUT RAM do not depend on the
 * revision (the memories are the same): the x8 example (NMAX 1024, SYNMAX 65536, revision
 * 067a936) took 18 RAMB18 + 67 RAMB36 and 14 RAM32M.
 */
/**
 * What the `LOIHI = 1` build adds (its v and I memories are in `coreMemories`): Yosys 0.23 at
 * core efc760c, the same capacity with LOIHI 0 and 1: the example fixed-point-hw.json (2,590 ->
 * 3,065 logic LUTs, 803 -> 845 FFs, 20 -> 24 DSP48E1) and a 400-neuron Loihi network (NMAX 512,
 * CHMAX 1, SYNMAX 16,384: 1,619 -> 2,044 logic LUTs, 752 -> 795 FFs, 18 -> 22 DSP48E1).
 * `loihi_compartment` at VW 32 (two 32 x 13 products: 4 DSP48E1), its muxes into the pass and
 * the 32-bit delivery add.
 */
export const LOIHI_LOGIC = { luts: 450, flipFlops: 42, dsp: 4 } as const;

/**
 * What an SC build (`SCCHMAX > 0`) adds besides its tables: `sc_lane` (four mix32, eight 32 x 32
 * products: Yosys 0.23 synth_xilinx of sc_lane alone, 24 DSP48E1, 311 LUTs, 13 FFs), the count
 * phase's registers and the per-population SC current (POPMAX x 24 bits) with its add into ext.
 */
export const SC_LOGIC = { luts: 311 + 120, flipFlops: 13 + 70, dsp: 24 } as const;

/** DSP48E1 of the core: 17 (mix32 twice, the lane's V update) + one per channel bank. */
export function coreDsp(c: CoreCapacity): number {
  return (
    17 + c.CHMAX + (c.LOIHI === 1 ? LOIHI_LOGIC.dsp : 0) + ((c.SCCHMAX ?? 0) > 0 ? SC_LOGIC.dsp : 0)
  );
}

/** Logic LUTs per bit of a ROM that Yosys left as logic. */
export const ROM_BITS_PER_LUT = 256;

/**
 * LUT-RAM cells of the small written tables: the spike-list counts (DMAX*POPMAX words of
 * NW+1 bits), the populations' ext registers and generator phases (POPMAX x 32 each).
 */
export function smallTableCells(c: CoreCapacity): number {
  const nw = clog2(c.NMAX);
  const cells = (depth: number, width: number): number =>
    depth <= 32 ? Math.ceil(width / 6) : Math.ceil(width / 3) * Math.ceil(depth / 64);
  return cells(c.DMAX * c.POPMAX, nw + 1) + 2 * cells(c.POPMAX, 32);
}

/** Bits of the population (32 words of 32 bits each) and projection (16 words) tables. */
function tableBits(c: CoreCapacity): number {
  return c.POPMAX * 32 * 32 + c.PRJMAX * 16 * 32;
}

/** Logic LUTs of the population and projection tables that Yosys builds as logic (BUS = 0). */
export function tableLogicLuts(c: CoreCapacity): number {
  return (189 / 5120) * tableBits(c);
}

/** Logic LUTs (LUT1..LUT6) of the core outside its memories (BUS = 0, no learning pass). */
export function logicLuts(c: CoreCapacity): number {
  const loihi = c.LOIHI === 1 ? LOIHI_LOGIC.luts : 0;
  const sc = (c.SCCHMAX ?? 0) > 0 ? SC_LOGIC.luts : 0;
  return 1361 + 282 * c.CHMAX + tableLogicLuts(c) + loihi + sc;
}

/** Flip-flops of the core (BUS = 0, no learning pass). */
export function logicFlipFlops(c: CoreCapacity): number {
  const loihi = c.LOIHI === 1 ? LOIHI_LOGIC.flipFlops : 0;
  const sc = (c.SCCHMAX ?? 0) > 0 ? SC_LOGIC.flipFlops + c.POPMAX * CORE_WMAX : 0;
  return 641 + 13.5 * (c.POPMAX + c.PRJMAX) + loihi + sc;
}
