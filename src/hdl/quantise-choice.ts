/**
 * How "quantise for hardware" chooses a fixed-point population's fraction bits F and scale bits
 * S (engine step 2f) for a given width W. Pure arithmetic over the values the population must
 * hold; `quantise-for-hardware.ts` gathers those values from the document.
 */
import { fixedRange, quantise } from '../engine/fixed-point/fixed-lif-step.ts';

/** The schema's range of scale bits S. */
export const MIN_SCALE_BITS = 1;
export const MAX_SCALE_BITS = 16;

/**
 * A multiplier is precise enough when rounding it to a whole number of 2^-S units changes it by
 * at most 2^-11 of itself (0.05 %: a time constant or a gain off by half a thousandth), which
 * needs the multiplier to be about 1024 units or more.
 */
export const SCALE_RELATIVE_ERROR = 2 ** -11;

/**
 * The largest F in 0..W-2 (the schema's range) at which every value quantises inside the W-bit
 * two's complement range, or null when even F = 0 cannot hold them. Larger F is a finer step
 * of V (2^-F), so the largest that fits is the most precise choice.
 *
 * @example chooseFractionBits([-65, -50, 0.08], 16) // 8: 65 * 2^8 = 16640 <= 32767, 65 * 2^9 is not
 */
export function chooseFractionBits(values: readonly number[], totalBits: number): number | null {
  const { min, max } = fixedRange(totalBits);
  for (let f = totalBits - 2; f >= 0; f--) {
    if (values.every((x) => inRange(quantise(x, f), min, max))) return f;
  }
  return null;
}

function inRange(q: number, min: number, max: number): boolean {
  return q >= min && q <= max;
}

/** |round(m * 2^S) - m * 2^S| / (m * 2^S): the relative error of a multiplier at S bits. */
export function multiplierError(multiplier: number, scaleBits: number): number {
  const exact = multiplier * 2 ** scaleBits;
  return exact === 0 ? 0 : Math.abs(Math.round(exact) - exact) / exact;
}

/**
 * The smallest S in 1..16 at which every multiplier (the leak dt/tau_mem, the gain
 * resistance*dt and the complement 1 - exp(-dt/tau) of each synaptic decay, whose error is the
 * error of the current's time constant) rounds within `SCALE_RELATIVE_ERROR` of itself; 16
 * when none does. The smallest, because the multipliers' widths (S + 1 bits for the leak,
 * S + 9 for the gain) are what a DSP48 lane must multiply by: no wider than precision needs.
 * Zero multipliers (no leak, no gain) need no precision and are skipped.
 *
 * @example chooseScaleBits([1 / 20, 1]) // 14: 2^14 / 20 = 819.2 rounds to 819, 0.02 % off
 */
export function chooseScaleBits(multipliers: readonly number[]): number {
  for (let s = MIN_SCALE_BITS; s < MAX_SCALE_BITS; s++) {
    if (multipliers.every((m) => m === 0 || multiplierError(m, s) <= SCALE_RELATIVE_ERROR)) {
      return s;
    }
  }
  return MAX_SCALE_BITS;
}
