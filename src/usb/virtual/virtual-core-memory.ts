/**
 * The memories and registers of `hdl/spikelab_core.v` (BUS = 1) at one capacity, for the
 * virtual core (`virtual-core.ts`), and its bus slave: every region of `CORE_REGIONS` (and the
 * channel banks) at the RTL's widths, reads sign-extended where the memory is signed, and the
 * RTL's refusals (an index past a region's depth, a region the core lacks (the Loihi and
 * OnlineO1 regions of a core built without them), a write to a read-only region) as `VirtualBusError`, which the bridge model answers `bus-timeout` as the
 * RTL's bridge does. Values are stored as the RTL's registers hold them (masked to the width,
 * signed memories sign-extended), so the step (`virtual-core-step.ts`) reads them directly.
 */
import { VirtualBusError } from '../../hdl/bridge-model.ts';
import {
  CORE_LOIHI_IW,
  CORE_LOIHI_VW,
  CORE_O1_TW,
  CORE_O1_WW,
  CORE_SC_THRESHOLD_W,
  clog2,
  type CoreCapacity,
} from '../../hdl/core-capacity.ts';
import { CORE_RW, CORE_WMAX, POP_FIELDS, PRJ_FIELDS } from '../../hdl/core-images.ts';
import {
  BANK_REGION,
  CAPACITY_WORDS,
  CORE_REGIONS,
  REGION_SHIFT,
  type CoreRegion,
} from '../../hdl/core-memory-map.ts';
import { lowBits, signExtend } from './virtual-core-bits.ts';
import { ScTables } from './virtual-core-sc.ts';

/** One region as the bus slave sees it. */
interface BusRegion {
  readonly name: string;
  readonly depth: number;
  readonly read: (index: number) => number;
  /** null: read-only. */
  readonly write: ((index: number, data: number) => void) | null;
}

/** A capacity the RTL elaborates: powers of two (its address widths), CHMAX 1..16. */
function checkCapacity(c: CoreCapacity): void {
  const powers = [
    'NMAX',
    'POPMAX',
    'PRJMAX',
    'DMAX',
    'SYNMAX',
    'ROWMAX',
    'GPTRMAX',
    'GIDXMAX',
    'EXTMAX',
  ] as const;
  for (const name of powers) {
    const n = c[name];
    if (!Number.isInteger(n) || n < 2 || 2 ** clog2(n) !== n) {
      throw new RangeError(`virtual core: ${name} = ${n} is not a power of two of at least 2`);
    }
  }
  if (!Number.isInteger(c.CHMAX) || c.CHMAX < 1 || c.CHMAX > 16) {
    throw new RangeError(`virtual core: CHMAX = ${c.CHMAX} is outside 1..16`);
  }
}

export class CoreMemory {
  readonly loihi: boolean;
  /** Built with ONLINE_O1 = 1: the learning synapses' memories and pass. */
  readonly onlineO1: boolean;
  /** Address widths (the RTL's localparams). */
  readonly nw: number;
  readonly exw: number;
  /** 32-bit words per history word (DMAX bits). */
  readonly histWords: number;

  readonly net = new Uint32Array(4);
  readonly pop: Uint32Array;
  readonly prj: Uint32Array;
  readonly ext: Uint32Array;
  readonly v: Int32Array;
  readonly refr: Uint16Array;
  readonly hist: Uint32Array;
  readonly list: Uint32Array;
  readonly cnt: Uint32Array;
  readonly rowStart: Uint32Array;
  readonly rowEnd: Uint32Array;
  readonly synTarget: Uint32Array;
  readonly synWeight: Int32Array;
  readonly synDelay: Uint8Array;
  readonly genPtr: Uint32Array;
  readonly genIdx: Uint32Array;
  readonly loihiV: Int32Array;
  readonly loihiI: Int32Array;
  readonly extReg: Int32Array;
  readonly genPhase: Uint32Array;
  readonly banks: Int32Array[];
  /** OnlineO1 per synapse (empty without ONLINE_O1): integer weight (31 bits), traces (30). */
  readonly o1Weight: Uint32Array;
  readonly o1Pre: Uint32Array;
  readonly o1Post: Uint32Array;
  /** The eligibility, 30 bits signed (held sign-extended). */
  readonly o1Elig: Int32Array;
  /** Integer SC layers' tables (empty without SCCHMAX): virtual-core-sc.ts. */
  readonly sc: ScTables;
  /** run_state: the next step, the next stimulus event, the sticky Loihi overflow (0/1). */
  t = 0;
  extPtr = 0;
  overflow = 0;

  private readonly regions = new Map<number, BusRegion>();

  constructor(readonly capacity: Readonly<CoreCapacity>) {
    const c = capacity;
    checkCapacity(c);
    this.loihi = c.LOIHI === 1;
    this.onlineO1 = c.ONLINE_O1 === 1;
    this.nw = clog2(c.NMAX);
    this.exw = clog2(c.EXTMAX);
    this.histWords = Math.ceil(c.DMAX / 32);
    this.pop = new Uint32Array(c.POPMAX * POP_FIELDS);
    this.prj = new Uint32Array(c.PRJMAX * PRJ_FIELDS);
    this.ext = new Uint32Array(c.EXTMAX * 4);
    this.v = new Int32Array(c.NMAX);
    this.refr = new Uint16Array(c.NMAX); // CORE_RW = 16 bits
    this.hist = new Uint32Array(c.NMAX * this.histWords);
    this.list = new Uint32Array(c.DMAX * c.NMAX);
    this.cnt = new Uint32Array(c.DMAX * c.POPMAX);
    this.rowStart = new Uint32Array(c.ROWMAX);
    this.rowEnd = new Uint32Array(c.ROWMAX);
    this.synTarget = new Uint32Array(c.SYNMAX);
    this.synWeight = new Int32Array(c.SYNMAX);
    this.synDelay = new Uint8Array(c.SYNMAX);
    this.genPtr = new Uint32Array(c.GPTRMAX);
    this.genIdx = new Uint32Array(c.GIDXMAX);
    this.loihiV = new Int32Array(this.loihi ? c.NMAX : 0);
    this.loihiI = new Int32Array(this.loihi ? c.NMAX : 0);
    this.extReg = new Int32Array(c.POPMAX);
    this.genPhase = new Uint32Array(c.POPMAX);
    this.banks = Array.from({ length: c.CHMAX }, () => new Int32Array(c.NMAX));
    const o1 = this.onlineO1 ? c.SYNMAX : 0;
    this.o1Weight = new Uint32Array(o1);
    this.o1Pre = new Uint32Array(o1);
    this.o1Post = new Uint32Array(o1);
    this.o1Elig = new Int32Array(o1);
    this.sc = new ScTables(c);
    this.buildRegions();
  }

  /**
   * The bus read of `address` (region << 24 | index): the 32-bit word the RTL answers.
   *
   * @throws VirtualBusError where the RTL's slave leaves `bus_ready` low.
   */
  read(address: number): number {
    const [region, index] = this.locate(address);
    return region.read(index) >>> 0;
  }

  /**
   * The bus write of `data` at `address`: the memory takes the word's low bits.
   *
   * @throws VirtualBusError where the RTL's slave leaves `bus_ready` low.
   */
  write(address: number, data: number): void {
    const [region, index] = this.locate(address);
    if (region.write === null) {
      throw new VirtualBusError(`region '${region.name}' is read-only (word ${index})`);
    }
    region.write(index, data >>> 0);
  }

  private locate(address: number): [BusRegion, number] {
    const number = address >>> REGION_SHIFT;
    const index = address & ((1 << REGION_SHIFT) - 1);
    const region = this.regions.get(number);
    if (region === undefined) {
      throw new VirtualBusError(
        `no region 0x${number.toString(16)} in this core (address 0x${(address >>> 0).toString(16)})`,
      );
    }
    if (index >= region.depth) {
      throw new VirtualBusError(
        `word ${index} is outside region '${region.name}' (${region.depth} words)`,
      );
    }
    return [region, index];
  }

  /** A memory of `width` bits in a typed array, as a region. */
  private memory(
    name: string,
    r: CoreRegion,
    array: Int32Array | Uint32Array | Uint16Array | Uint8Array,
    width: number,
  ): void {
    const signed = r.signed && width < 32;
    this.regions.set(r.region, {
      name,
      depth: r.depth(this.capacity),
      read: (i) => array[i] ?? 0,
      write: r.writable
        ? (i, d) => (array[i] = signed ? signExtend(d, width) : lowBits(d, width))
        : null,
    });
  }

  private buildRegions(): void {
    const c = this.capacity;
    const nw = this.nw;
    const syw1 = clog2(c.SYNMAX) + 1;
    const R = CORE_REGIONS;
    this.memory('net', R.net, this.net, 32);
    this.memory('pop', R.pop, this.pop, 32);
    this.memory('prj', R.prj, this.prj, 32);
    this.memory('ext', R.ext, this.ext, 32);
    this.memory('v', R.v, this.v, CORE_WMAX);
    this.memory('row_start', R.row_start, this.rowStart, syw1);
    this.memory('row_end', R.row_end, this.rowEnd, syw1);
    this.memory('syn_target', R.syn_target, this.synTarget, nw);
    this.memory('syn_weight', R.syn_weight, this.synWeight, CORE_WMAX);
    this.memory('syn_delay', R.syn_delay, this.synDelay, 8);
    this.memory('gen_ptr', R.gen_ptr, this.genPtr, clog2(c.GIDXMAX) + 1);
    this.memory('gen_idx', R.gen_idx, this.genIdx, nw);
    this.memory('refr', R.refr, this.refr, CORE_RW);
    if (this.loihi) {
      this.memory('loihi_v', R.loihi_v, this.loihiV, CORE_LOIHI_VW);
      this.memory('loihi_i', R.loihi_i, this.loihiI, CORE_LOIHI_IW);
    }
    if (this.onlineO1) {
      this.memory('syn_pre', R.syn_pre, this.o1Pre, CORE_O1_TW);
      this.memory('syn_post', R.syn_post, this.o1Post, CORE_O1_TW);
      this.memory('syn_elig', R.syn_elig, this.o1Elig, CORE_O1_TW);
      this.memory('syn_int_weight', R.syn_int_weight, this.o1Weight, CORE_O1_WW);
    }
    if (this.sc.channels > 0) {
      this.memory('sc_in_key', R.sc_in_key, this.sc.inputKey, 32);
      this.memory('sc_w_key', R.sc_w_key, this.sc.weightKey, 32);
      this.memory('sc_in_thr', R.sc_in_thr, this.sc.inputThreshold, CORE_SC_THRESHOLD_W);
      this.memory('sc_w_thr', R.sc_w_thr, this.sc.weightThreshold, CORE_SC_THRESHOLD_W);
      this.memory('sc_current', R.sc_current, this.sc.current, CORE_WMAX);
    }
    this.memory('ext_reg', R.ext_reg, this.extReg, 32);
    this.memory('gen_phase', R.gen_phase, this.genPhase, 32);
    this.memory('spike_count', R.spike_count, this.cnt, nw + 1);
    this.memory('spike_list', R.spike_list, this.list, nw);
    this.banks.forEach((bank, k) =>
      this.memory(
        `bank ${k}`,
        { region: BANK_REGION + k, depth: () => c.NMAX, signed: true, writable: true, holds: '' },
        bank,
        CORE_WMAX,
      ),
    );
    // LOIHI and ONLINE_O1 read 1 or 0 (the RTL's `!= 0`), as the build has the pass or not.
    const flag = (on: boolean): number => (on ? 1 : 0);
    const words = CAPACITY_WORDS.map((name) =>
      name === 'LOIHI' ? flag(this.loihi) : name === 'ONLINE_O1' ? flag(this.onlineO1) : c[name],
    );
    this.regions.set(R.capacity.region, {
      name: 'capacity',
      depth: R.capacity.depth(),
      read: (i) => words[i] ?? 0,
      write: null,
    });
    this.regions.set(R.run_state.region, {
      name: 'run_state',
      depth: R.run_state.depth(),
      read: (i) => [this.t, this.extPtr, this.overflow][i] ?? 0,
      write: (i, d) => {
        // Word 3 reads 0 and drops writes (the RTL answers it: no bus-timeout).
        if (i === 0) this.t = d >>> 0;
        if (i === 1) this.extPtr = lowBits(d, this.exw + 1);
        if (i === 2) this.overflow = d & 1;
      },
    });
  }
}
