/**
 * The tutorial's `BitstreamEncoder`: a value in [xMin, xMax] becomes a Bernoulli stream whose
 * density is the value's position in the range.
 */
import type { Bitstream } from './bitstream.ts';
import { bernoulliBitstream } from './bernoulli.ts';
import { SC_STREAM, toUnitInterval } from './keys.ts';
import { stepKey, streamKey } from '../random.ts';

/** Encodes scalars as unipolar Bernoulli bitstreams of a fixed length. */
export class BitstreamEncoder {
  private readonly key: number;
  private calls = 0;

  /**
   * `seed` and `channel` select the random stream (`streamKey(seed, channel,
   * SC_STREAM.encoder)`); `channel` lets one seed drive several independent inputs, as the
   * current source does. Values outside the range are clamped.
   *
   * @example
   * const pre = new BitstreamEncoder(0, 1, 4096, 7).encode(0.6); // ~60% ones
   */
  constructor(
    readonly xMin: number,
    readonly xMax: number,
    readonly length: number,
    readonly seed: number,
    readonly channel = 0,
  ) {
    toUnitInterval(xMin, xMin, xMax); // validates the range up front
    this.key = streamKey(seed, channel, SC_STREAM.encoder);
  }

  /** Density `(x - xMin) / (xMax - xMin)`, clamped to [0, 1]. */
  probability(x: number): number {
    return toUnitInterval(x, this.xMin, this.xMax);
  }

  /**
   * A fresh stream for `x`. The n-th call (from 0) uses `stepKey(key, n)`, so successive calls
   * give independent streams and a new encoder with the same seed repeats the same sequence.
   */
  encode(x: number): Bitstream {
    const p = this.probability(x);
    return bernoulliBitstream(p, this.length, stepKey(this.key, this.calls++));
  }
}
