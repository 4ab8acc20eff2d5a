/**
 * Linear-feedback shift registers as SC hardware builds them (n-bit register, XOR feedback,
 * any nonzero seed), in either form:
 *
 * - Fibonacci: shift left; the new bit 0 is the XOR of the tapped bits (tap t is bit t-1).
 * - Galois: shift right; when the bit shifted out is 1, XOR the tap mask into the register.
 *
 * With maximal taps (`lfsr-taps.ts`) both visit every nonzero n-bit state once per period of
 * 2^n - 1 steps, in different orders. The state is a uint32 held in a JS number; only integer
 * operations are used, so a gpu.js or WASM port steps identically.
 */
import { popcount32 } from './word-kernels.ts';
import { maximalTaps } from './lfsr-taps.ts';

/** Which LFSR structure. */
export type LfsrKind = 'fibonacci' | 'galois';

/** A register: width in bits, tap positions (1-based, including `width`), nonzero seed. */
export interface LfsrConfig {
  kind: LfsrKind;
  width: number;
  taps: readonly number[];
  seed: number;
}

/** An LFSR of `width` bits with the XAPP052 maximal taps. */
export function maximalLfsr(width: number, seed: number, kind: LfsrKind = 'fibonacci'): LfsrConfig {
  return { kind, width, taps: maximalTaps(width), seed };
}

/** The register's state mask, 2^width - 1. */
export function lfsrMask(width: number): number {
  return width === 32 ? 0xffffffff : (1 << width) - 1;
}

/** Bit mask of the taps (tap t sets bit t-1); checks the configuration. */
export function lfsrTapMask(config: LfsrConfig): number {
  const { width, taps, seed } = config;
  if (!Number.isInteger(width) || width < 3 || width > 32) {
    throw new RangeError(`LFSR width must be an integer in 3..32, got ${width}`);
  }
  if (!taps.includes(width)) throw new RangeError(`LFSR taps must include the width ${width}`);
  let mask = 0;
  for (const t of taps) {
    if (!Number.isInteger(t) || t < 1 || t > width) {
      throw new RangeError(`LFSR tap ${t} outside 1..${width}`);
    }
    mask |= 1 << (t - 1);
  }
  if ((seed & lfsrMask(width)) >>> 0 === 0) {
    throw new RangeError('LFSR seed must be nonzero in the register width (zero locks up)');
  }
  return mask >>> 0;
}

/** One Fibonacci step of an n-bit register (`tapMask` from `lfsrTapMask`). */
export function fibonacciNext(state: number, tapMask: number, width: number): number {
  const feedback = popcount32((state & tapMask) >>> 0) & 1;
  return ((state << 1) | feedback) & lfsrMask(width);
}

/** One Galois step of an n-bit register. */
export function galoisNext(state: number, tapMask: number): number {
  const out = state & 1;
  const shifted = state >>> 1;
  return (out === 1 ? shifted ^ tapMask : shifted) >>> 0;
}

/** The state after `state` for the given configuration. */
export function lfsrNext(state: number, tapMask: number, config: LfsrConfig): number {
  return config.kind === 'fibonacci'
    ? fibonacciNext(state, tapMask, config.width) >>> 0
    : galoisNext(state, tapMask);
}

/**
 * Steps until the register returns to its seed (at most 2^width steps, then 0 for "never").
 * Maximal taps give 2^width - 1.
 */
export function lfsrPeriod(config: LfsrConfig): number {
  const tapMask = lfsrTapMask(config);
  const start = (config.seed & lfsrMask(config.width)) >>> 0;
  const limit = 2 ** config.width;
  let state = start;
  for (let n = 1; n <= limit; n++) {
    state = lfsrNext(state, tapMask, config);
    if (state === start) return n;
  }
  return 0;
}
