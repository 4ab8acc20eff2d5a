/**
 * The LFSR stochastic number generator: an n-bit LFSR and an n-bit comparator. Each clock the
 * comparator outputs `state < threshold`. A maximal LFSR visits the states 1..2^n-1 once per
 * period, so with `threshold = round(p (2^n - 1)) + 1` a full period holds exactly
 * `round(p (2^n - 1))` ones: density p up to the n-bit quantisation, with no sampling noise.
 */
import { createBitstream } from './bitstream.ts';
import type { Bitstream } from './bitstream.ts';
import { lfsrMask, lfsrNext, lfsrTapMask } from './lfsr.ts';
import type { LfsrConfig } from './lfsr.ts';

/** Comparator threshold for probability `p` on an n-bit LFSR (p clamped to [0, 1]). */
export function lfsrThreshold(p: number, width: number): number {
  const clamped = Math.min(1, Math.max(0, p));
  return Math.round(clamped * lfsrMask(width)) + 1;
}

/**
 * Bit i is `s_i < threshold` where `s_0` is the seed and `s_{i+1}` the next state.
 * Two generators with the same configuration (same seed) produce maximally correlated streams,
 * as sharing one LFSR between two comparators does in hardware.
 *
 * @example
 * lfsrBitstream(0.5, 255, maximalLfsr(8, 1)) // exactly 128 ones: states 1..128 of 1..255
 */
export function lfsrBitstream(p: number, length: number, config: LfsrConfig): Bitstream {
  const tapMask = lfsrTapMask(config);
  const threshold = lfsrThreshold(p, config.width);
  const out = createBitstream(length);
  const words = out.words;
  let state = (config.seed & lfsrMask(config.width)) >>> 0;
  for (let i = 0; i < length; i++) {
    if (state < threshold) words[i >>> 5] = ((words[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
    state = lfsrNext(state, tapMask, config);
  }
  return out;
}
