/**
 * The tutorial's `BitstreamCurrentSource`: n input channels, each encoded, passed through its
 * own synapse (AND), and read out as a scalar current one bit position per time step.
 *
 * Step t reads bit `t mod L` of every channel's product stream and counts the ones, k(t) in
 * 0..n: the output of the n AND gates in one clock, summed by an adder tree. The current is
 *
 *     'sum'  (default): I(t) = yMin + (yMax - yMin) * k(t)
 *     'mean':           I(t) = yMin + (yMax - yMin) * k(t) / n
 *
 * i.e. the linear map taking a unit-range value to [yMin, yMax], applied to the SC dot product
 * sum_c x_c w_c (normalised values) estimated from one bit per channel. E[I(t)] is that map of
 * the exact dot product, and the mean over any window of steps estimates it with the SC error
 * of (steps x n) Bernoulli bits, so "mean over 100 steps agrees with the full-length estimate
 * within the SC error bound" is a statement with content (see the tests for the bound).
 *
 * Why 'sum' by default: with 'mean' (the reading where [yMin, yMax] bounds the current) the
 * tutorial's own section 4 and 5 layers get a mean current of about 0.03, a steady-state
 * membrane of 20 * 0.03 = 0.6 < threshold 1, and stay silent, contradicting the tutorial's
 * firing rates. With 'sum' each active AND gate injects one quantum yMax - yMin, the layers fire
 * (~200 Hz) and layer 1's rates drive layer 2 as the tutorial describes. 'mean' is kept for
 * readers who want [yMin, yMax] as the current's range.
 *
 * Past L steps the streams wrap (bit t mod L), so a layer can run longer than its streams.
 * Currents are float32, each operation rounded, like the engine's other kernels.
 */
import type { Bitstream } from './bitstream.ts';
import { popcount } from './ops.ts';
import { BitstreamEncoder } from './encoder.ts';
import { BitstreamSynapse } from './synapse.ts';
import { toUnitInterval } from './keys.ts';

const f = Math.fround;

/** How the count of active channels becomes a current (see the file comment). */
export type ChannelScaling = 'sum' | 'mean';

/** Options beyond the tutorial's positional parameters. */
export interface CurrentSourceOptions {
  scaling?: ChannelScaling;
}

/** A multi-channel SC current source with one bit position per time step. */
export class BitstreamCurrentSource {
  /** The encoded inputs, one stream per channel (channel c uses `BitstreamEncoder(..., seed, c)`). */
  readonly preStreams: readonly Bitstream[];
  /** The synapses (channel c uses `BitstreamSynapse(..., seed, c)`). */
  readonly synapses: readonly BitstreamSynapse[];
  /** `pre AND weight` per channel: what the current is read from. */
  readonly productStreams: readonly Bitstream[];
  readonly scaling: ChannelScaling;
  private readonly productWords: readonly Uint32Array[];
  private readonly span: number;
  private t = 0;

  /**
   * @example
   * const source = new BitstreamCurrentSource([0.5, 0.8, 0.3], 0, 1, [0.6, 0.4, 0.9], 0, 1,
   *   2048, 0, 0.1, 42);
   * const currents = Array.from({ length: 100 }, () => source.step());
   */
  constructor(
    readonly xInputs: readonly number[],
    readonly xMin: number,
    readonly xMax: number,
    readonly weightValues: readonly number[],
    readonly wMin: number,
    readonly wMax: number,
    readonly length: number,
    readonly yMin: number,
    readonly yMax: number,
    readonly seed: number,
    options: CurrentSourceOptions = {},
  ) {
    if (xInputs.length !== weightValues.length) {
      throw new RangeError(
        `xInputs and weightValues must have the same length (${xInputs.length} and ` +
          `${weightValues.length})`,
      );
    }
    if (!Number.isInteger(length) || length < 1) {
      throw new RangeError(`length must be a positive integer, got ${length}`);
    }
    this.scaling = options.scaling ?? 'sum';
    this.preStreams = xInputs.map((x, c) =>
      new BitstreamEncoder(xMin, xMax, length, seed, c).encode(x),
    );
    this.synapses = weightValues.map(
      (w, c) => new BitstreamSynapse(wMin, wMax, length, w, seed, c),
    );
    this.productStreams = this.preStreams.map((pre, c) =>
      (this.synapses[c] as BitstreamSynapse).apply(pre),
    );
    this.productWords = this.productStreams.map((s) => s.words);
    this.span = f(yMax - yMin);
  }

  /** Number of input channels. */
  get channels(): number {
    return this.xInputs.length;
  }

  /** Steps taken since construction or the last `reset()`. */
  get time(): number {
    return this.t;
  }

  /** The current of step t (pure: does not advance). */
  currentAt(t: number): number {
    const index = t % this.length;
    const word = index >>> 5;
    const shift = index & 31;
    let k = 0;
    for (const words of this.productWords) k += ((words[word] as number) >>> shift) & 1;
    return this.countToCurrent(k);
  }

  /** The current of the present step, then advance one step. */
  step(): number {
    return this.currentAt(this.t++);
  }

  /** Back to step 0 (the streams are kept). */
  reset(): void {
    this.t = 0;
  }

  /** Map k active channels to a current, in float32 operations. */
  countToCurrent(k: number): number {
    const scaled = this.scaling === 'sum' ? k : f(k / this.channels);
    return f(this.yMin + f(this.span * scaled));
  }

  /** The current the whole streams encode: the mean of `step()` over L steps, in float64. */
  fullCurrentEstimate(): number {
    let ones = 0;
    for (const s of this.productStreams) ones += popcount(s);
    return this.mapDotProduct(ones / this.length);
  }

  /** The same map applied to the exact dot product of the normalised inputs and weights. */
  exactCurrent(): number {
    let dot = 0;
    for (let c = 0; c < this.channels; c++) {
      const x = toUnitInterval(this.xInputs[c] as number, this.xMin, this.xMax);
      dot += x * (this.synapses[c] as BitstreamSynapse).probability;
    }
    return this.mapDotProduct(dot);
  }

  private mapDotProduct(dot: number): number {
    const scaled = this.scaling === 'sum' ? dot : dot / this.channels;
    return this.yMin + (this.yMax - this.yMin) * scaled;
  }
}
