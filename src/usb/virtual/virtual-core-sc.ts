/**
 * The virtual core's integer SC layers (`SCCHMAX > 0`; hdl/README.md, "Integer SC layers"), as
 * `hdl/spikelab_core.v` runs them: a population with `pop.hex` field 0 bit 2 counts its
 * channels (field 13: first channel, 14: count) at stream index `gen_phase` (field 15, L, not 0)
 * or t, with the engine's `scActiveCount` over the tables' words, and keeps
 * `currentByCount[k]` (field 16: the table's first entry), which its neuron pass adds to ext.
 * The address and counter widths are the RTL's: channel addresses wrap at SCCHMAX, table
 * addresses at SCKMAX, the channel count has log2(SCCHMAX) + 1 bits and k 13.
 */
import { scActiveCount } from '../../engine/sc/sc-count.ts';
import { CORE_WMAX, POP_FIELDS, POP_SC_FLAG } from '../../hdl/core-images.ts';
import { clog2, type CoreCapacity } from '../../hdl/core-capacity.ts';
import { signExtend } from './virtual-core-bits.ts';

/** The SC tables of a core (empty without SC layers) and each population's current of the step. */
export class ScTables {
  /** SCCHMAX (0: the core has no SC count). */
  readonly channels: number;
  readonly entries: number;
  readonly inputKey: Uint32Array;
  readonly weightKey: Uint32Array;
  /** 25 bits: 0..2^24. */
  readonly inputThreshold: Uint32Array;
  readonly weightThreshold: Uint32Array;
  /** 24 bits, held sign-extended. */
  readonly current: Int32Array;
  /** `sc_cur`: each SC population's currentByCount[k] of its last count (24 bits, signed). */
  readonly populationCurrent: Int32Array;

  constructor(c: Readonly<CoreCapacity>) {
    this.channels = c.SCCHMAX ?? 0;
    this.entries = this.channels > 0 ? (c.SCKMAX ?? 0) : 0;
    for (const [name, n] of [
      ['SCCHMAX', this.channels],
      ['SCKMAX', this.entries],
    ] as const) {
      if (this.channels > 0 && (!Number.isInteger(n) || n < 2 || 2 ** clog2(n) !== n)) {
        throw new RangeError(`virtual core: ${name} = ${n} is not a power of two of at least 2`);
      }
    }
    this.inputKey = new Uint32Array(this.channels);
    this.weightKey = new Uint32Array(this.channels);
    this.inputThreshold = new Uint32Array(this.channels);
    this.weightThreshold = new Uint32Array(this.channels);
    this.current = new Int32Array(this.entries);
    this.populationCurrent = new Int32Array(c.POPMAX);
  }
}

/** What the SC count reads of the core. */
interface ScCore {
  readonly capacity: Readonly<CoreCapacity>;
  readonly pop: Uint32Array;
  readonly genPhase: Uint32Array;
  readonly t: number;
  readonly sc: ScTables;
}

/** Population `pp` is an SC layer (`sc_on`: field 0 bit 2 in a core with SC tables). */
export function scOn(m: ScCore, pp: number): boolean {
  return m.sc.channels > 0 && ((m.pop[pp * POP_FIELDS] ?? 0) & POP_SC_FLAG) !== 0;
}

/**
 * `S_SC` .. `S_SC_CUR` for population `pp` (before its pass): when it is an SC layer, its count
 * k at the stream index and `populationCurrent[pp] = currentByCount[k]`.
 */
export function scCount(m: ScCore, pp: number): void {
  if (!scOn(m, pp)) return;
  const s = m.sc;
  const at = (i: number): number => m.pop[pp * POP_FIELDS + i] ?? 0;
  const scw = clog2(Math.max(s.channels, 2));
  const base = at(13) & (2 ** scw - 1);
  const count = at(14) % 2 ** (scw + 1);
  const index = at(15) !== 0 ? (m.genPhase[pp] ?? 0) : m.t;
  // The channels the RTL presents: addresses base, base + 1, ... wrapping at SCCHMAX.
  const address = (c: number): number => (base + c) & (s.channels - 1);
  const gather = (from: Uint32Array): Uint32Array =>
    Uint32Array.from({ length: count }, (_, c) => from[address(c)] ?? 0);
  const k = scActiveCount(
    {
      channelCount: count,
      inputKeys: gather(s.inputKey),
      weightKeys: gather(s.weightKey),
      weightThresholds: gather(s.weightThreshold),
    },
    index,
    (c) => s.inputThreshold[address(c)] ?? 0,
  );
  const entry = ((at(16) & (s.entries - 1)) + (k % 2 ** 13)) & (s.entries - 1);
  s.populationCurrent[pp] = signExtend(s.current[entry] ?? 0, CORE_WMAX);
}

/** The SC current population `pp`'s neuron pass adds to its ext (0 unless it is an SC layer). */
export function scExt(m: ScCore, pp: number): number {
  return scOn(m, pp) ? (m.sc.populationCurrent[pp] ?? 0) : 0;
}
