/**
 * What a sweep measures of each variant's chosen population, from its spikes alone: the mean
 * rate per neuron and the coefficient of variation of the inter-spike intervals, gathered
 * chunk by chunk (nothing kept but the last spike of each neuron and three sums).
 */
import type { SpikeBlock } from '../api.ts';

/** Spikes per neuron per second (Hz) over `steps` steps of `dt` ms. */
export function meanRate(spikeCount: number, size: number, steps: number, dt: number): number {
  const seconds = (steps * dt) / 1000;
  return size > 0 && seconds > 0 ? spikeCount / (size * seconds) : 0;
}

export class SpikeStats {
  count = 0;
  private readonly last: Int32Array;
  private intervals = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(readonly size: number) {
    this.last = new Int32Array(size).fill(-1);
  }

  /** Adds a chunk's spikes (chunks in step order). */
  add(spikes: SpikeBlock): void {
    this.count += spikes.steps.length;
    for (let k = 0; k < spikes.steps.length; k++) {
      const j = spikes.indices[k] ?? 0;
      const step = spikes.steps[k] ?? 0;
      const previous = this.last[j] ?? -1;
      if (previous >= 0) {
        const isi = step - previous;
        this.intervals += 1;
        this.sum += isi;
        this.sumSq += isi * isi;
      }
      this.last[j] = step;
    }
  }

  /**
   * CV of the inter-spike intervals, all neurons' intervals pooled (std / mean, population
   * std); null with fewer than two intervals, where it means nothing.
   */
  cv(): number | null {
    if (this.intervals < 2 || this.sum === 0) return null;
    const mean = this.sum / this.intervals;
    const variance = Math.max(0, this.sumSq / this.intervals - mean * mean);
    return Math.sqrt(variance) / mean;
  }
}
