/**
 * The core's memory map: where each memory of `hdl/spikelab_core.v` (built with BUS = 1) lies in
 * the host bridge's 32-bit address space, below its control page (0xFFFFFF00), and the bridge
 * writes that load a network's images into a core whose bitstream knows nothing of it (issue 8:
 * one bitstream for every network). Word-addressed: address = region << 24 | word index, one
 * 32-bit bus word per memory word (narrower memories take its low bits; reads give them back
 * sign-extended where `signed`). The RTL's `R_*` localparams are these regions; a test
 * (tests/hdl/core-bus.test.ts) holds them equal. Documented in hdl/README.md, "Core memory map".
 */
import type { CoreCapacity } from './core-capacity.ts';
import type { CoreImages } from './core-images.ts';

/** A memory's place in the map. */
export interface CoreRegion {
  /** Address bits 31..24. */
  region: number;
  /** Words, from the capacities (the RTL's declaration). */
  depth: (c: CoreCapacity) => number;
  /** Reads come back sign-extended from the memory's width. */
  signed: boolean;
  /** The bus may write it (the spike lists are the core's own, read-only). */
  writable: boolean;
  /** Present only in a core built with LOIHI = 1. */
  loihi?: true;
  /** Present only in a core built with ONLINE_O1 = 1 (learning synapses). */
  onlineO1?: true;
  /** Present only in a core built with SC layers (SCCHMAX > 0). */
  sc?: true;
  /** What it holds. */
  holds: string;
}

/** Address bits below the region number: the word index. */
export const REGION_SHIFT = 24;
/** The first channel bank's region; bank k is `BANK_REGION + k` (k < CHMAX <= 16). */
export const BANK_REGION = 0x20;

/** Every region but the channel banks, by name (image names as the export's `.hex` files). */
export const CORE_REGIONS = {
  net: { region: 0x00, depth: () => 4, signed: false, writable: true, holds: 'net.hex' },
  pop: {
    region: 0x01,
    depth: (c) => c.POPMAX * 32,
    signed: false,
    writable: true,
    holds: 'pop.hex',
  },
  prj: {
    region: 0x02,
    depth: (c) => c.PRJMAX * 16,
    signed: false,
    writable: true,
    holds: 'prj.hex',
  },
  ext: {
    region: 0x03,
    depth: (c) => c.EXTMAX * 4,
    signed: false,
    writable: true,
    holds: 'ext.hex',
  },
  v: {
    region: 0x04,
    depth: (c) => c.NMAX,
    signed: true,
    writable: true,
    holds: 'V of every fixed-point neuron (vinit.hex)',
  },
  row_start: {
    region: 0x05,
    depth: (c) => c.ROWMAX,
    signed: false,
    writable: true,
    holds: 'row_start.hex',
  },
  row_end: {
    region: 0x06,
    depth: (c) => c.ROWMAX,
    signed: false,
    writable: true,
    holds: 'row_end.hex',
  },
  syn_target: {
    region: 0x07,
    depth: (c) => c.SYNMAX,
    signed: false,
    writable: true,
    holds: 'syn_target.hex',
  },
  syn_weight: {
    region: 0x08,
    depth: (c) => c.SYNMAX,
    signed: true,
    writable: true,
    holds: 'syn_weight.hex',
  },
  syn_delay: {
    region: 0x09,
    depth: (c) => c.SYNMAX,
    signed: false,
    writable: true,
    holds: 'syn_delay.hex',
  },
  gen_ptr: {
    region: 0x0a,
    depth: (c) => c.GPTRMAX,
    signed: false,
    writable: true,
    holds: 'gen_ptr.hex',
  },
  gen_idx: {
    region: 0x0b,
    depth: (c) => c.GIDXMAX,
    signed: false,
    writable: true,
    holds: 'gen_idx.hex',
  },
  refr: {
    region: 0x0c,
    depth: (c) => c.NMAX,
    signed: false,
    writable: true,
    holds: 'refractory counter of every neuron',
  },
  loihi_v: {
    region: 0x0d,
    depth: (c) => c.NMAX,
    signed: true,
    writable: true,
    loihi: true,
    holds: 'v of every Loihi neuron (25 bits)',
  },
  loihi_i: {
    region: 0x0e,
    depth: (c) => c.NMAX,
    signed: true,
    writable: true,
    loihi: true,
    holds: 'I of every Loihi neuron (32 bits)',
  },
  ext_reg: {
    region: 0x0f,
    depth: (c) => c.POPMAX,
    signed: true,
    writable: true,
    holds: 'the ext register of every population',
  },
  gen_phase: {
    region: 0x10,
    depth: (c) => c.POPMAX,
    signed: false,
    writable: true,
    holds: "a periodic generator's step within its period",
  },
  spike_count: {
    region: 0x11,
    depth: (c) => c.DMAX * c.POPMAX,
    signed: false,
    writable: false,
    holds: 'spikes of population p at step t: word (t mod DMAX) * POPMAX + p',
  },
  spike_list: {
    region: 0x12,
    depth: (c) => c.DMAX * c.NMAX,
    signed: false,
    writable: false,
    holds: 'entry k of population p at step t: word (t mod DMAX) * NMAX + base_p + k',
  },
  capacity: {
    region: 0x13,
    depth: () => 16,
    signed: false,
    writable: false,
    holds: 'the parameters the core was built with: CAPACITY_WORDS, then zeros',
  },
  run_state: {
    region: 0x14,
    depth: () => 4,
    signed: false,
    writable: true,
    holds: 'RUN_STATE_WORDS: where the next run goes on (word 3 reads 0, writes to it are dropped)',
  },
  syn_pre: {
    region: 0x15,
    depth: (c) => c.SYNMAX,
    signed: false,
    writable: true,
    onlineO1: true,
    holds: 'OnlineO1 pre trace of every synapse (30 bits)',
  },
  syn_post: {
    region: 0x16,
    depth: (c) => c.SYNMAX,
    signed: false,
    writable: true,
    onlineO1: true,
    holds: 'OnlineO1 post trace of every synapse (30 bits)',
  },
  syn_elig: {
    region: 0x17,
    depth: (c) => c.SYNMAX,
    signed: true,
    writable: true,
    onlineO1: true,
    holds: 'OnlineO1 eligibility of every synapse (30 bits)',
  },
  syn_int_weight: {
    region: 0x18,
    depth: (c) => c.SYNMAX,
    signed: false,
    writable: true,
    onlineO1: true,
    holds:
      'OnlineO1 integer weight of every synapse (31 bits; syn_o1w.hex); syn_weight holds min(w * scale, 2^23 - 1)',
  },
  sc_in_key: {
    region: 0x19,
    depth: (c) => c.SCCHMAX ?? 0,
    signed: false,
    writable: true,
    sc: true,
    holds: 'input key of every SC channel (sc_in_key.hex)',
  },
  sc_w_key: {
    region: 0x1a,
    depth: (c) => c.SCCHMAX ?? 0,
    signed: false,
    writable: true,
    sc: true,
    holds: 'weight key of every SC channel (sc_w_key.hex)',
  },
  sc_in_thr: {
    region: 0x1b,
    depth: (c) => c.SCCHMAX ?? 0,
    signed: false,
    writable: true,
    sc: true,
    holds: 'input threshold of every SC channel (25 bits, 0..2^24; sc_in_thr.hex)',
  },
  sc_w_thr: {
    region: 0x1c,
    depth: (c) => c.SCCHMAX ?? 0,
    signed: false,
    writable: true,
    sc: true,
    holds: 'weight threshold of every SC channel (25 bits, 0..2^24; sc_w_thr.hex)',
  },
  sc_current: {
    region: 0x1d,
    depth: (c) => c.SCKMAX ?? 0,
    signed: true,
    writable: true,
    sc: true,
    holds: "every SC layer's currentByCount table, layer after layer (24 bits; sc_current.hex)",
  },
} as const satisfies Record<string, CoreRegion>;

export type CoreRegionName = keyof typeof CORE_REGIONS;

/**
 * The `capacity` region's words 0..13 (14..15 read 0): the RTL's parameters, LOIHI as 0 / 1,
 * ONLINE_O1 (1 when the core has learning synapses), SCCHMAX and SCKMAX (0 and 0 in a core
 * without the SC count). A host reads them to know what the
 * loaded bitstream holds.
 */
export const CAPACITY_WORDS = [
  'NMAX',
  'POPMAX',
  'PRJMAX',
  'CHMAX',
  'DMAX',
  'SYNMAX',
  'ROWMAX',
  'GPTRMAX',
  'GIDXMAX',
  'EXTMAX',
  'LOIHI',
  'ONLINE_O1',
  'SCCHMAX',
  'SCKMAX',
] as const;

/**
 * The `run_state` region's words: `t` (the next step to run), `ext_ptr` (the next stimulus
 * event of `ext`), `overflow` (the sticky Loihi overflow flag; write 0 to clear). With BUS = 1
 * `start` keeps them, so a run of k steps goes on from where the last one stopped.
 */
export const RUN_STATE_WORDS = ['t', 'ext_ptr', 'overflow'] as const;

/** The address of word `index` of region `name` (checked against the capacity). */
export function coreAddress(name: CoreRegionName, index: number, c: CoreCapacity): number {
  const r: CoreRegion = CORE_REGIONS[name];
  return regionAddress(r.region, index, r.depth(c), name);
}

/** The address of word `index` of channel bank `bank` (checked against the capacity). */
export function bankAddress(bank: number, index: number, c: CoreCapacity): number {
  if (!Number.isInteger(bank) || bank < 0 || bank >= c.CHMAX) {
    throw new RangeError(`channel bank ${bank} is outside the core's CHMAX = ${c.CHMAX}`);
  }
  return regionAddress(BANK_REGION + bank, index, c.NMAX, `bank ${bank}`);
}

function regionAddress(region: number, index: number, depth: number, name: string): number {
  if (!Number.isInteger(index) || index < 0 || index >= depth) {
    throw new RangeError(`word ${index} is outside region '${name}' (${depth} words)`);
  }
  return ((region << REGION_SHIFT) | index) >>> 0;
}

/** A bridge write, as `BridgeCommand` spells it (src/hdl/bridge-protocol.ts). */
export interface CoreWrite {
  op: 'write';
  address: number;
  data: number;
}

/** Image field -> its region. */
const IMAGE_REGIONS: readonly [keyof CoreImages, CoreRegionName][] = [
  ['net', 'net'],
  ['pop', 'pop'],
  ['prj', 'prj'],
  ['ext', 'ext'],
  ['vinit', 'v'],
  ['rowStart', 'row_start'],
  ['rowEnd', 'row_end'],
  ['synTarget', 'syn_target'],
  ['synWeight', 'syn_weight'],
  ['synDelay', 'syn_delay'],
  ['genPtr', 'gen_ptr'],
  ['genIdx', 'gen_idx'],
  ['o1Weight', 'syn_int_weight'],
  ['scInputKey', 'sc_in_key'],
  ['scWeightKey', 'sc_w_key'],
  ['scInputThreshold', 'sc_in_thr'],
  ['scWeightThreshold', 'sc_w_thr'],
  ['scCurrent', 'sc_current'],
];

/**
 * The writes that load `images` (an export's, laid out for capacity `c`) into an idle core:
 * every image word, then the state a run starts from, cleared for the network's neurons and
 * populations (refractory counters, channel currents, Loihi v and I, ext registers, generator
 * phases) and the run state (t, ext_ptr, overflow), so that a core that ran another network
 * before starts as a fresh bitstream would.
 * The spike lists and history words need no clearing: a run reads only what it wrote itself.
 */
export function coreLoadWrites(images: CoreImages, c: CoreCapacity): CoreWrite[] {
  const writes: CoreWrite[] = [];
  const put = (address: number, value: number): void => {
    writes.push({ op: 'write', address, data: value >>> 0 });
  };
  const learns = images.o1Weight.length > 0;
  if (learns && c.ONLINE_O1 !== 1) {
    throw new RangeError(
      'the network learns (online_o1); this core was built without ONLINE_O1 (its learning synapses)',
    );
  }
  if (images.scCurrent.length > 0 && (c.SCCHMAX ?? 0) === 0) {
    throw new RangeError(
      'the network has integer SC layers; this core was built without SCCHMAX (their SC count)',
    );
  }
  for (const [field, name] of IMAGE_REGIONS) {
    const words = images[field];
    const depth = CORE_REGIONS[name].depth(c);
    if (words.length > depth) {
      throw new RangeError(
        `image '${field}' has ${words.length} words; region '${name}' holds ${depth} at this capacity`,
      );
    }
    words.forEach((w, i) => put(coreAddress(name, i, c), w));
  }
  const neurons = images.vinit.length;
  const populations = images.net[0] ?? 0;
  for (let j = 0; j < neurons; j++) put(coreAddress('refr', j, c), 0);
  for (let k = 0; k < c.CHMAX; k++) {
    for (let j = 0; j < neurons; j++) put(bankAddress(k, j, c), 0);
  }
  if (c.LOIHI === 1) {
    for (let j = 0; j < neurons; j++) put(coreAddress('loihi_v', j, c), 0);
    for (let j = 0; j < neurons; j++) put(coreAddress('loihi_i', j, c), 0);
  }
  if (c.ONLINE_O1 === 1 && learns) {
    // A learning synapse's traces and eligibility start at 0 (its weight is the image's); a
    // network that does not learn never reads them, so its load skips them.
    for (const name of ['syn_pre', 'syn_post', 'syn_elig'] as const) {
      for (let e = 0; e < images.synTarget.length; e++) put(coreAddress(name, e, c), 0);
    }
  }
  for (let p = 0; p < populations; p++) {
    put(coreAddress('ext_reg', p, c), 0);
    put(coreAddress('gen_phase', p, c), 0);
  }
  // The next run starts at step 0, at the first stimulus event, with no overflow.
  RUN_STATE_WORDS.forEach((_, i) => put(coreAddress('run_state', i, c), 0));
  return writes;
}
