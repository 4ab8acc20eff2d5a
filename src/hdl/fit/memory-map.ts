/**
 * How Yosys 0.23's `memory_libmap` (inside `synth_xilinx -family xc7`) implements one memory of
 * the core, mimicked from its cost tables (/usr/share/yosys/xilinx/brams_xc4v.txt and
 * lutrams_xc5v.txt): a RAMB18 costs 129, a RAMB36 257, a LUT-RAM cell 8 (RAM32M: 32 words x
 * 6 bits in simple dual port; RAM64M: 64 x 3), and the cheapest wins. Read-only memories never
 * go to LUT RAM (`prune_rom`); small ones become logic. Pure.
 */

/** One memory of the core as the RTL declares and uses it. */
export interface CoreMemory {
  name: string;
  depth: number;
  width: number;
  /** Written by the core (RAM) or only initialised from an image (ROM). */
  written: boolean;
}

/** What one memory became. */
export interface MemoryMapping {
  memory: CoreMemory;
  kind: 'bram' | 'lutram' | 'logic';
  ramb18: number;
  ramb36: number;
  /** RAM32M/RAM64M cells (4 LUTs of a SLICEM each). */
  lutRamCells: number;
}

const RAMB18_COST = 129;
const RAMB36_COST = 257;
const LUTRAM_CELL_COST = 8;

/** Simple-dual-port shapes (depth, data width with parity) of one RAMB18E1 and RAMB36E1. */
const RAMB18_SHAPES: readonly [number, number][] = [
  [16384, 1],
  [8192, 2],
  [4096, 4],
  [2048, 9],
  [1024, 18],
  [512, 36],
];
const RAMB36_SHAPES: readonly [number, number][] = [
  [32768, 1],
  [16384, 2],
  [8192, 4],
  [4096, 9],
  [2048, 18],
  [1024, 36],
  [512, 72],
];

/**
 * The cheapest block RAM for `m`: its columns split into groups, each group in one shape of a
 * RAMB18 or RAMB36 tiled in depth (dynamic programming over the columns). Yosys splits the
 * width this way: a 65,536 x 10 ROM took 18 RAMB36 (16 for 9 columns at 4096 x 9, 2 for one
 * at 32768 x 1), not 20 of one shape.
 */
export function bramFor(m: CoreMemory): { ramb18: number; ramb36: number; cost: number } {
  const options = [
    ...RAMB18_SHAPES.map(([d, w]) => ({ w, n: Math.ceil(m.depth / d), is36: false })),
    ...RAMB36_SHAPES.map(([d, w]) => ({ w, n: Math.ceil(m.depth / d), is36: true })),
  ];
  const none = { cost: 0, ramb18: 0, ramb36: 0 };
  const best = [none];
  for (let c = 1; c <= m.width; c++) {
    let pick = { cost: Infinity, ramb18: 0, ramb36: 0 };
    for (const o of options) {
      const before = best[Math.max(0, c - o.w)] ?? none;
      const cost = before.cost + o.n * (o.is36 ? RAMB36_COST : RAMB18_COST);
      if (cost < pick.cost) {
        pick = {
          cost,
          ramb18: before.ramb18 + (o.is36 ? 0 : o.n),
          ramb36: before.ramb36 + (o.is36 ? o.n : 0),
        };
      }
    }
    best.push(pick);
  }
  return best[m.width] ?? none;
}

/** LUT-RAM cells for `m`: RAM32M up to 32 words, else RAM64M tiled in depth. */
export function lutRamCells(m: CoreMemory): number {
  if (m.depth <= 32) return Math.ceil(m.width / 6);
  return Math.ceil(m.width / 3) * Math.ceil(m.depth / 64);
}

/**
 * The cost of `m` in LUT RAM: 8 per cell plus, when it is tiled in depth, about one unit per
 * data bit per extra tile for the read multiplexer. Measured: at NMAX 128 the refractory
 * counters (128 x 16: 12 cells, 96 + 16) went to LUT RAM and V (128 x 24: 16 cells, 128 + 24)
 * to a RAMB18 (129); at NMAX 256 the history words (256 x 8: 12 cells, 96 + 24) to LUT RAM.
 */
export function lutRamCost(m: CoreMemory): number {
  const tiles = m.depth <= 64 ? 1 : Math.ceil(m.depth / 64);
  return lutRamCells(m) * LUTRAM_CELL_COST + (tiles - 1) * m.width;
}

/**
 * Bits up to which a read-only memory stays logic (LUTs) rather than block RAM. Measured on the
 * core with Yosys 0.23: 1,024 x 7 synapse targets (7,168 bits) and 512 x 13 row pointers
 * (6,656) stayed logic, 4,096 x 3 synapse delays (12,288) went to block RAM; the threshold lies
 * between, and 8,192 is the round number there.
 */
export const ROM_LOGIC_BITS = 8192;

/** How `memory_libmap` implements `m`. */
export function mapMemory(m: CoreMemory): MemoryMapping {
  const none = { memory: m, ramb18: 0, ramb36: 0, lutRamCells: 0 };
  const bits = m.depth * m.width;
  if (bits === 0) return { ...none, kind: 'logic' };
  const bram = bramFor(m);
  if (!m.written) {
    return bits <= ROM_LOGIC_BITS ? { ...none, kind: 'logic' } : { ...none, kind: 'bram', ...bram };
  }
  if (lutRamCost(m) < bram.cost) return { ...none, kind: 'lutram', lutRamCells: lutRamCells(m) };
  return { ...none, kind: 'bram', ramb18: bram.ramb18, ramb36: bram.ramb36 };
}
