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
  /**
   * Whether a population of the population image is Poisson (kind 1). Without one, Yosys finds
   * the Poisson draw never selected (the image is a ROM, its kind field constant) and drops both
   * hashes (`POISSON_HASH`). Absent: true (the bus writes the image, so any kind can come).
   */
  poisson?: boolean;
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
  // The Poisson hashes stay unless the (read-only) population image has no Poisson population.
  const hash = bus || bits.poisson !== false ? POISSON_HASH : { luts: 0, flipFlops: 0, dsp: 0 };
  return {
    luts:
      Math.round(logic + hash.luts + o1.luts + romLogicBits / ROM_BITS_PER_LUT) + 4 * lutRamCells,
    flipFlops: Math.round(
      logicFlipFlops(c) + hash.flipFlops + (bus ? busFlipFlops(c) : 0) + o1.flipFlops,
    ),
    bram36: ramb36 + ramb18 / 2,
    dsp: coreDsp(c) + hash.dsp + o1.dsp,
    ramb18,
    ramb36,
    lutRamCells,
    memories,
  };
}

/**
 * The logic model, fitted to Yosys 0.23 runs of the core (synth_xilinx -family xc7, not
 * flattened: `stat` gives each module's cells). The LUT increments were fitted on one revision
 * (465421b) and the offset moved to later ones (the example: 2,572 logic LUTs at core c386571, the
 * pipelined neuron pass); the flip-flops are counted per module from the RTL's register widths
 * (`logicFlipFlops`), the core's own state machine fitted.
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
 * The two Poisson hashes (`mix32_pipe` twice: the step key and the draw). Each is two 32 x 32
 * products by a constant (6 DSP48E1), 49 LUTs of xor-shifts and its 32-bit middle register, of
 * which Yosys keeps 17 flip-flops (the rest go into the DSP48E1s' own registers); the core
 * registers the draw's 24 bits before the threshold compare. Yosys 0.23
 * drops both when no population is Poisson (`ImageBits.poisson`): loihi.json and
 * sc-fixed-point.json keep 12 DSP48E1 fewer than the example, which has one.
 */
export const POISSON_HASH = { luts: 2 * 49, flipFlops: 2 * 17 + 24, dsp: 2 * 6 } as const;

/**
 * What the `LOIHI = 1` build adds (its v and I memories are in `coreMemories`): Yosys 0.23 at
 * core efc760c, the same capacity with LOIHI 0 and 1: the example fixed-point-hw.json (2,590 ->
 * 3,065 logic LUTs, 20 -> 24 DSP48E1) and a 400-neuron Loihi network (NMAX 512, CHMAX 1,
 * SYNMAX 16,384: 1,619 -> 2,044 logic LUTs, 18 -> 22 DSP48E1). `loihi_compartment` at VW 32
 * (two 32 x 13 products: 4 DSP48E1, no register), its muxes into the pass and the 32-bit
 * delivery add. Flip-flops: the core's Loihi registers, 121 in loihi.json's run (the core
 * module's 688 less the 567 of `coreFlipFlops` there, core c386571).
 */
export const LOIHI_LOGIC = { luts: 450, flipFlops: 121, dsp: 4 } as const;

/**
 * What an SC build (`SCCHMAX > 0`) adds besides its tables: `sc_lane` (four `mix32_pipe`,
 * eight 32 x 32 products: 24 DSP48E1; Yosys 0.23 in sc-fixed-point.json's run: 167 slice LUTs
 * (52 of them SRLs, the thresholds' delay lines) and 4 x 49, 79 flip-flops (the two 32-bit
 * steps, pre, weight and the 13-bit count) and 4 x 17), the count phase's registers (44 in
 * that run) and the per-population SC current (POPMAX x 24 bits) with its add into ext.
 */
export const SC_LOGIC = { luts: 167 + 4 * 49 + 120, flipFlops: 79 + 4 * 17 + 44, dsp: 24 } as const;

/**
 * DSP48E1 of the core besides the Poisson hashes: `fxp_lif_var`'s leak and input products (5:
 * a 25 x 29 product takes two) and one per channel bank (its decay).
 */
export function coreDsp(c: CoreCapacity): number {
  return (
    5 + c.CHMAX + (c.LOIHI === 1 ? LOIHI_LOGIC.dsp : 0) + ((c.SCCHMAX ?? 0) > 0 ? SC_LOGIC.dsp : 0)
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

/**
 * Logic LUTs (LUT1..LUT6) of the core outside its memories (BUS = 0, no learning pass, without
 * the Poisson hashes: `POISSON_HASH`).
 */
export function logicLuts(c: CoreCapacity): number {
  const loihi = c.LOIHI === 1 ? LOIHI_LOGIC.luts : 0;
  const sc = (c.SCCHMAX ?? 0) > 0 ? SC_LOGIC.luts : 0;
  return 1361 - POISSON_HASH.luts + 282 * c.CHMAX + tableLogicLuts(c) + loihi + sc;
}

/** A Loihi target's I width in `spike_fanout` (its last delivery's register). */
const FANOUT_LIW = 32;

/**
 * Flip-flops of `spike_fanout`, from its registers' widths: the state (3), the source walk
 * (base NW, n and src_i NW+1, scan_src NW, lslot DW, rbase ROWW, psyn, loihi, scan_valid), the
 * history words (win, word, a_word: DMAX each), the row's edges (e, e_end: SYW+1 each), the
 * delivery stages (a_valid, c_valid, c_addr NW, c_w WMAX, the bounds less the weight c_hi and
 * c_lo WMAX+2 each, the two forwarding hits; D: d_valid, d_addr NW, d_wd WMAX, d_li 32; E:
 * e_wd WMAX, e_li 32) and the clamp bounds (vmin, vmax: WMAX each). Yosys 0.23 kept every
 * one before D and E (238 at the example, 173 at loihi.json, 157 at sc-fixed-point.json).
 */
export function fanoutFlipFlops(c: CoreCapacity): number {
  const nw = clog2(c.NMAX);
  const syw = clog2(c.SYNMAX);
  const walk = 3 + nw + 2 * (nw + 1) + nw + clog2(c.DMAX) + clog2(c.ROWMAX) + 3;
  const stageC = 2 + nw + CORE_WMAX + 2 * (CORE_WMAX + 2) + 2;
  const delivery = stageC + 1 + nw + CORE_WMAX + FANOUT_LIW + CORE_WMAX + FANOUT_LIW;
  return walk + 3 * c.DMAX + 2 * (syw + 1) + delivery + 2 * CORE_WMAX;
}

/**
 * The neuron pass's pipeline registers: `neuron_lane`'s P1a (the channel sum, WMAX +
 * ceil(log2 CHMAX) bits, at least WMAX + 1; ext 32; v WMAX; refr RW), its channel decays'
 * (per channel the current, WMAX; the product goes into the DSP48E1's own register) and P1b
 * (the clamped current and v: WMAX each; refr: RW), and `fxp_lif_var`'s (the leak and input
 * products: WMAX + SMAX + 12 each; v: WMAX; refr: RW). Of `fxp_lif_var`'s 144 Yosys 0.23
 * keeps 133 (the products' top bits after the shift are copies of their sign); of the lane's
 * own at CHMAX 3 all 234 (Yosys alone, PIPE 1).
 */
export function neuronPipeFlipFlops(c: CoreCapacity): number {
  const p1a = CORE_WMAX + Math.max(1, clog2(c.CHMAX)) + 32 + CORE_WMAX + CORE_RW;
  return p1a + c.CHMAX * CORE_WMAX + 2 * CORE_WMAX + CORE_RW + 133;
}

/**
 * The core module's own registers (the state machine, the pass's stage registers, the
 * population and projection fields it latches): fitted, with the 13.5 per table entry of the
 * 465421b runs, to the core module's 675 at the example (24 Nov 2026, the neuron pass
 * pipelined); the same base gives the core module's 688 at loihi.json with `LOIHI_LOGIC` and
 * its 659 at sc-fixed-point.json with `SC_LOGIC`; plus the pass's stages added for 100 MHz
 * (P4 and P5: valid, neuron index NW and spike each; P5's v WMAX and refr RW); the base
 * refitted to the example's 1,512 at the 100 MHz core (513 before).
 */
export function coreFlipFlops(c: CoreCapacity): number {
  return 511 + 13.5 * (c.POPMAX + c.PRJMAX) + 2 * (clog2(c.NMAX) + 2) + CORE_WMAX + CORE_RW;
}

/**
 * Flip-flops of the core (BUS = 0, no learning pass, without the Poisson hashes), module by
 * module as Yosys reports them unflattened: the core's own, `spike_fanout`'s, `delay_ring`'s
 * read word (DMAX), the neuron pass's pipeline and the Loihi and SC builds' registers.
 */
export function logicFlipFlops(c: CoreCapacity): number {
  const loihi = c.LOIHI === 1 ? LOIHI_LOGIC.flipFlops : 0;
  const sc = (c.SCCHMAX ?? 0) > 0 ? SC_LOGIC.flipFlops + c.POPMAX * CORE_WMAX : 0;
  return coreFlipFlops(c) + fanoutFlipFlops(c) + c.DMAX + neuronPipeFlipFlops(c) + loihi + sc;
}
