/**
 * The LFSR bench's table (the same entries, in the same order, as `hdl/tb/tb_lfsr.v`, which
 * echoes them so the test can check), its random clock-by-clock stimulus, and the engine's
 * expected states from `lfsrNext`.
 */
import { rng } from '../unit/model/random-values.ts';
import {
  type LfsrConfig,
  lfsrMask,
  lfsrNext,
  lfsrTapMask,
  maximalLfsr,
} from '../../src/engine/sc/lfsr.ts';

/** Maximal taps in both forms at widths 3..32, then two tap sets that are not maximal. */
export const LFSR_TABLE: readonly LfsrConfig[] = [
  maximalLfsr(3, 0x1, 'fibonacci'),
  maximalLfsr(3, 0x7, 'galois'),
  maximalLfsr(8, 0x1, 'fibonacci'),
  maximalLfsr(8, 0x80, 'galois'),
  maximalLfsr(16, 0xace1, 'fibonacci'),
  maximalLfsr(16, 0xffff, 'galois'),
  maximalLfsr(24, 0x123457, 'fibonacci'),
  maximalLfsr(24, 0x800000, 'galois'),
  maximalLfsr(32, 0x9e3779b9, 'fibonacci'),
  maximalLfsr(32, 0xffffffff, 'galois'),
  { kind: 'fibonacci', width: 5, taps: [5, 4, 3, 2], seed: 0x11 },
  { kind: 'galois', width: 12, taps: [12, 1], seed: 0xabc },
];

/** The header line the bench writes for table entry `k`. */
export function lfsrHeader(k: number, config: LfsrConfig): string {
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  const galois = config.kind === 'galois' ? 1 : 0;
  const seed = (config.seed & lfsrMask(config.width)) >>> 0;
  return `config ${k} ${config.width} ${galois} ${hex(lfsrTapMask(config))} ${hex(seed)}`;
}

/** One clock: synchronous reset, and the step enable of each table entry. */
export interface LfsrCycle {
  rst: boolean;
  en: readonly boolean[];
}

/**
 * `cycles` clocks: a reset first, one more in the middle and a few at random; each register
 * enabled 85% of the time, so every register runs well past the 255-step period of width 8.
 */
export function lfsrStimulus(seed: number, cycles: number): LfsrCycle[] {
  const random = rng(seed);
  const out: LfsrCycle[] = [];
  for (let n = 0; n < cycles; n++) {
    const rst = n === 0 || n === Math.floor(cycles / 2) || random() < 0.003;
    out.push({ rst, en: LFSR_TABLE.map(() => random() < 0.85) });
  }
  return out;
}

/** The vector file's word for one clock: bit 31 reset, bit k entry k's enable. */
export function lfsrWord(cycle: LfsrCycle): number {
  let word = cycle.rst ? 0x80000000 : 0;
  cycle.en.forEach((on, k) => {
    if (on) word |= 1 << k;
  });
  return word >>> 0;
}

/** One register after a clock: its state, and the state that follows it. */
export interface LfsrRecord {
  state: number;
  next: number;
}

/** What the bench must write: per clock, per table entry, as the engine steps. */
export function lfsrExpected(stimulus: readonly LfsrCycle[]): LfsrRecord[][] {
  const masks = LFSR_TABLE.map((c) => lfsrTapMask(c));
  const states = LFSR_TABLE.map(() => 0);
  return stimulus.map((cycle) =>
    LFSR_TABLE.map((config, k) => {
      const tapMask = masks[k] ?? 0;
      const state = states[k] ?? 0;
      const after = cycle.rst
        ? (config.seed & lfsrMask(config.width)) >>> 0
        : cycle.en[k]
          ? lfsrNext(state, tapMask, config)
          : state;
      states[k] = after;
      return { state: after, next: lfsrNext(after, tapMask, config) };
    }),
  );
}
