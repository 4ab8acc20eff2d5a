/**
 * The tutorial's `BitstreamSpikeRecorder`: one neuron's spikes as a 0/1 train, with the total,
 * the rate and the inter-spike-interval histogram.
 */

import { histogram } from './histogram.ts';
import type { Histogram } from './histogram.ts';

/** Records one neuron's output step by step. */
export class BitstreamSpikeRecorder {
  private spikes = new Uint8Array(64);
  private steps = 0;
  private total = 0;

  constructor(readonly dtMs = 1) {
    if (!(dtMs > 0)) throw new RangeError(`dtMs must be positive, got ${dtMs}`);
  }

  /** Append one step's output (truthy: a spike). */
  record(spike: number | boolean): void {
    if (this.steps === this.spikes.length) {
      const grown = new Uint8Array(this.spikes.length * 2);
      grown.set(this.spikes);
      this.spikes = grown;
    }
    const s = spike ? 1 : 0;
    this.spikes[this.steps++] = s;
    this.total += s;
  }

  /** Steps recorded. */
  get length(): number {
    return this.steps;
  }

  /** A copy of the train, one byte per step. */
  asArray(): Uint8Array {
    return this.spikes.slice(0, this.steps);
  }

  /** Number of spikes. */
  totalSpikes(): number {
    return this.total;
  }

  /** Spikes per second over the recorded duration (0 before any step). */
  firingRateHz(): number {
    return this.steps === 0 ? 0 : this.total / ((this.steps * this.dtMs) / 1000);
  }

  /** Spike times in ms (step index times dt). */
  spikeTimesMs(): number[] {
    const times: number[] = [];
    for (let t = 0; t < this.steps; t++) if (this.spikes[t]) times.push(t * this.dtMs);
    return times;
  }

  /** Histogram of the inter-spike intervals in ms, with numpy.histogram's semantics. */
  isiHistogram(bins = 10): Histogram {
    const times = this.spikeTimesMs();
    const isis = times.slice(1).map((t, i) => t - (times[i] as number));
    return histogram(isis, bins);
  }

  /** Forget everything recorded. */
  reset(): void {
    this.steps = 0;
    this.total = 0;
  }
}
