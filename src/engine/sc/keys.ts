/**
 * Random-stream numbers and value scaling shared by the SC components.
 *
 * The streams continue `random.ts`'s numbering (1-3 populations, 11-13 projections) so an SC key
 * never equals a key of the rest of the engine for the same seed and owner.
 */

/** Streams of `streamKey(seed, owner, stream)` used by stochastic computing. */
export const SC_STREAM = {
  /** `BitstreamEncoder` (owner: its channel). */
  encoder: 21,
  /** `BitstreamSynapse` weight streams (owner: its channel). */
  weight: 22,
  /** Membrane noise of an SC dense layer's neurons (owner 0; draw index: the neuron). */
  noise: 23,
} as const;

/** Resolution of the Bernoulli comparator: draws and thresholds are 24-bit integers. */
export const BERNOULLI_BITS = 24;

/**
 * Comparator threshold for probability `p`: a bit is 1 when a 24-bit draw is below it, so the
 * bit is 1 with probability exactly `threshold24(p) / 2^24` (p clamped to [0, 1]).
 */
export function threshold24(p: number): number {
  const clamped = Math.min(1, Math.max(0, p));
  return Math.round(clamped * 2 ** BERNOULLI_BITS);
}

/**
 * Map `x` from `[min, max]` to a probability in [0, 1], clamping outside values (a stream
 * cannot hold more than all ones), as the tutorial's encoders and synapses do.
 */
export function toUnitInterval(x: number, min: number, max: number): number {
  if (!(max > min)) throw new RangeError(`range must have max > min, got [${min}, ${max}]`);
  if (Number.isNaN(x)) throw new RangeError('value is NaN');
  return Math.min(1, Math.max(0, (x - min) / (max - min)));
}
