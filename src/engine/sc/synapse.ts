/**
 * The tutorial's `BitstreamSynapse`: a weight in [wMin, wMax] held as a Bernoulli stream and
 * applied to a presynaptic stream with one AND gate per bit, the SC multiplication
 * P(out) = P(pre) * P(weight) for independent streams.
 */
import { and } from './ops.ts';
import type { Bitstream } from './bitstream.ts';
import { bernoulliBitstream } from './bernoulli.ts';
import { SC_STREAM, toUnitInterval } from './keys.ts';
import { stepKey, streamKey } from '../random.ts';

/** A synapse whose weight stream is drawn once, at construction. */
export class BitstreamSynapse {
  /** `(w - wMin) / (wMax - wMin)`, clamped to [0, 1]. */
  readonly probability: number;
  /** The weight stream (key `stepKey(streamKey(seed, channel, SC_STREAM.weight), 0)`). */
  readonly weightBits: Bitstream;

  /**
   * @example
   * const post = new BitstreamSynapse(0, 1, 4096, 0.5, 99).apply(pre); // P ~ P(pre) * 0.5
   */
  constructor(
    readonly wMin: number,
    readonly wMax: number,
    readonly length: number,
    readonly w: number,
    readonly seed: number,
    readonly channel = 0,
  ) {
    this.probability = toUnitInterval(w, wMin, wMax);
    const key = stepKey(streamKey(seed, channel, SC_STREAM.weight), 0);
    this.weightBits = bernoulliBitstream(this.probability, length, key);
  }

  /** `preBits AND weightBits` (the pre stream must have the synapse's length). */
  apply(preBits: Bitstream): Bitstream {
    return and(preBits, this.weightBits);
  }
}
