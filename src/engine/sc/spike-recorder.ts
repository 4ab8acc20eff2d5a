/**
 * The tutorial's `BitstreamSpikeRecorder`: one neuron's spikes as a 0/1 train, with the total,
 * the rate and the inter-spike-interval histogram.
 */

/** Counts and edges as `numpy.histogram` returns them (`edges.length === counts.length + 1`). */
export interface Histogram {
  counts: number[];
  edges: number[];
}

/**
 * `numpy.histogram(values, bins)`: equal-width bins from min to max (or min - 0.5 to max + 0.5
 * when they coincide, 0 to 1 when empty), half-open except the last, which includes max.
 */
export function histogram(values: readonly number[], bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be >= 1, got ${bins}`);
  let lo = 0;
  let hi = 1;
  if (values.length > 0) {
    lo = Math.min(...values);
    hi = Math.max(...values);
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
  }
  // numpy.linspace: start + i * step, with the last edge exactly `hi`.
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * step));
  const counts = new Array<number>(bins).fill(0);
  const norm = bins / (hi - lo);
  for (const x of values) {
    let i = Math.floor((x - lo) * norm);
    if (i === bins) i--;
    // numpy's correction for values that rounding put one bin off.
    if (x < (edges[i] as number)) i--;
    else if (i !== bins - 1 && x >= (edges[i + 1] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  return { counts, edges };
}

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
