/**
 * The core's capacity parameters for one network (each need rounded up to a power of two, at
 * least 2 so that no address is zero bits wide) and the memory they take, checked against a
 * PYNQ-Z2's block RAM (140 RAMB36 of 36 Kbit). The widths here are the core's: keep them in
 * step with `hdl/spikelab_core.v`.
 */
import { CORE_RW, CORE_WMAX, type CoreNeeds } from './core-images.ts';

/** The `spikelab_core` parameters (their names in the RTL). */
export interface CoreCapacity {
  NMAX: number;
  POPMAX: number;
  PRJMAX: number;
  CHMAX: number;
  DMAX: number;
  SYNMAX: number;
  ROWMAX: number;
  GPTRMAX: number;
  GIDXMAX: number;
  EXTMAX: number;
  /**
   * 1: the core has its Loihi memories and pass (`LOIHI`). Present only for a network with
   * Loihi populations, so the parameter lists of every other export stay as they were.
   */
  LOIHI?: 1;
  /**
   * 1: the core has its OnlineO1 memories and learning pass (`ONLINE_O1`). Present only for a
   * network with online_o1 projections, so the parameter lists of every other export stay as
   * they were.
   */
  ONLINE_O1?: 1;
  /**
   * Channels of all integer SC layers (`SCCHMAX`; with `SCKMAX`, the entries of their
   * current-by-count tables): the core's SC count and its tables. Present only for a network
   * with SC layers, so the parameter lists of every other export stay as they were.
   */
  SCCHMAX?: number;
  SCKMAX?: number;
}

/** Block RAM of the xc7z020: 140 RAMB36E1 of 36 Kbit (../shared/HARDWARE.md). */
export const PYNQ_Z2_BRAM_BITS = 140 * 36 * 1024;

/** ceil(log2(n)) for n >= 1, as Verilog's $clog2. */
export function clog2(n: number): number {
  let bits = 0;
  while (2 ** bits < n) bits++;
  return bits;
}

/** The smallest power of two >= max(n, 2). */
export function roundCapacity(n: number): number {
  return 2 ** clog2(Math.max(2, n));
}

/** Capacities that hold `needs`. */
export function capacityFor(needs: CoreNeeds): CoreCapacity {
  const capacity: CoreCapacity = {
    NMAX: roundCapacity(needs.neurons),
    POPMAX: roundCapacity(needs.populations),
    PRJMAX: roundCapacity(needs.projections),
    CHMAX: Math.max(1, needs.channels),
    DMAX: roundCapacity(needs.maxDelay + 1),
    SYNMAX: roundCapacity(needs.synapses),
    ROWMAX: roundCapacity(needs.rows),
    GPTRMAX: roundCapacity(needs.genPtr),
    GIDXMAX: roundCapacity(needs.genIdx),
    EXTMAX: roundCapacity(needs.ext),
  };
  if ((needs.loihi ?? 0) > 0) capacity.LOIHI = 1;
  if ((needs.onlineO1 ?? 0) > 0) capacity.ONLINE_O1 = 1;
  if ((needs.scEntries ?? 0) > 0) {
    capacity.SCCHMAX = roundCapacity(needs.scChannels ?? 0);
    capacity.SCKMAX = roundCapacity(needs.scEntries ?? 0);
  }
  return capacity;
}

/** The names of the capacities that are smaller than `needs` requires (empty: it fits). */
export function shortfalls(capacity: CoreCapacity, needs: CoreNeeds): string[] {
  const want = capacityFor(needs);
  return (Object.keys(want) as (keyof CoreCapacity)[]).filter(
    (k) => (capacity[k] ?? 0) < (want[k] ?? 0),
  );
}

/** Widths of the image words, as the core declares its memories. */
export function imageWidths(c: CoreCapacity): Record<string, number> {
  const nw = clog2(c.NMAX);
  return {
    net: 32,
    pop: 32,
    prj: 32,
    ext: 32,
    vinit: CORE_WMAX,
    rowStart: clog2(c.SYNMAX) + 1,
    rowEnd: clog2(c.SYNMAX) + 1,
    synTarget: nw,
    synWeight: CORE_WMAX,
    synDelay: 8,
    genPtr: clog2(c.GIDXMAX) + 1,
    genIdx: nw,
    o1Weight: CORE_O1_WW,
    scInputKey: 32,
    scWeightKey: 32,
    scInputThreshold: CORE_SC_THRESHOLD_W,
    scWeightThreshold: CORE_SC_THRESHOLD_W,
    scCurrent: CORE_WMAX,
  };
}

/** Widths of a Loihi neuron's v and I in the core (`LVW`, `LIW` of spikelab_core.v). */
export const CORE_LOIHI_VW = 25;
export const CORE_LOIHI_IW = 32;

/**
 * Widths of a learning synapse's integer weight and of its traces and eligibility in the core
 * (`O1WW`, `O1TW` of spikelab_core.v): the engine's widest weight_bits (31) and trace_bits (30).
 */
export const CORE_O1_WW = 31;
export const CORE_O1_TW = 30;

/** Width of an SC channel's thresholds in the core (0..2^24: 25 bits). */
export const CORE_SC_THRESHOLD_W = 25;

/** Bits of every memory of the core at capacity `c` (what block RAM must hold). */
export function memoryBits(c: CoreCapacity): { name: string; bits: number }[] {
  const nw = clog2(c.NMAX);
  const w = imageWidths(c);
  const loihi =
    c.LOIHI === 1
      ? [{ name: 'Loihi v and I', bits: c.NMAX * (CORE_LOIHI_VW + CORE_LOIHI_IW) }]
      : [];
  return [
    { name: 'V', bits: c.NMAX * CORE_WMAX },
    { name: 'refractory counters', bits: c.NMAX * CORE_RW },
    { name: 'spike history words', bits: c.NMAX * c.DMAX },
    { name: 'channel currents', bits: c.CHMAX * c.NMAX * CORE_WMAX },
    { name: 'spike-list ring', bits: c.DMAX * c.NMAX * nw },
    { name: 'row pointers', bits: 2 * c.ROWMAX * (w.rowStart ?? 0) },
    { name: 'synapses (target, weight, delay)', bits: c.SYNMAX * (nw + CORE_WMAX + 8) },
    { name: 'generator schedule', bits: c.GPTRMAX * (w.genPtr ?? 0) + c.GIDXMAX * nw },
    ...loihi,
    ...(c.ONLINE_O1 === 1
      ? [
          {
            name: 'OnlineO1 weight, traces and eligibility',
            bits: c.SYNMAX * (CORE_O1_WW + 3 * CORE_O1_TW),
          },
        ]
      : []),
    ...(c.SCCHMAX !== undefined && c.SCCHMAX > 0
      ? [
          {
            name: 'SC channel keys and thresholds',
            bits: c.SCCHMAX * (64 + 2 * CORE_SC_THRESHOLD_W),
          },
          { name: 'SC current-by-count tables', bits: (c.SCKMAX ?? 0) * CORE_WMAX },
        ]
      : []),
  ];
}

/** Total memory bits of the core at capacity `c`. */
export function totalMemoryBits(c: CoreCapacity): number {
  return memoryBits(c).reduce((sum, m) => sum + m.bits, 0);
}
