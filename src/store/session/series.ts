/**
 * Growable typed-array columns for recorded data. Runs stream for as long as the user likes,
 * so every series is either a sliding window (old samples dropped) or capped (stops growing
 * and says so); nothing grows without bound.
 */

/** Spikes of one population: parallel columns of absolute step and neuron index. */
export class SpikeSeries {
  steps = new Int32Array(1024);
  indices = new Uint32Array(1024);
  length = 0;
  /** Set once a capped series refused spikes. */
  truncated = false;

  /** @param cap the most spikes kept (Infinity for a window series trimmed with `dropBefore`). */
  constructor(readonly cap = Infinity) {}

  /** Appends spikes in step order; returns how many were kept. */
  append(steps: Int32Array, indices: Uint32Array): number {
    const room = this.cap - this.length;
    const n = Math.min(steps.length, room);
    if (n < steps.length) this.truncated = true;
    if (n <= 0) return 0;
    this.reserve(this.length + n);
    this.steps.set(n === steps.length ? steps : steps.subarray(0, n), this.length);
    this.indices.set(n === indices.length ? indices : indices.subarray(0, n), this.length);
    this.length += n;
    return n;
  }

  /** Forgets spikes before `step` (they are in step order, so a prefix). */
  dropBefore(step: number): void {
    const k = lowerBound(this.steps, this.length, step);
    if (k === 0) return;
    this.steps.copyWithin(0, k, this.length);
    this.indices.copyWithin(0, k, this.length);
    this.length -= k;
  }

  /** Index of the first spike at or after `step`. */
  firstAtOrAfter(step: number): number {
    return lowerBound(this.steps, this.length, step);
  }

  clear(): void {
    this.length = 0;
    this.truncated = false;
  }

  private reserve(size: number): void {
    if (size <= this.steps.length) return;
    let capacity = this.steps.length;
    while (capacity < size) capacity *= 2;
    const steps = new Int32Array(capacity);
    steps.set(this.steps.subarray(0, this.length));
    const indices = new Uint32Array(capacity);
    indices.set(this.indices.subarray(0, this.length));
    this.steps = steps;
    this.indices = indices;
  }
}

/** Samples of a state probe: one step column and `width` values per sample. */
export class TraceSeries {
  steps = new Int32Array(256);
  values: Float32Array;
  length = 0;
  truncated = false;

  constructor(
    readonly width: number,
    readonly cap = Infinity,
  ) {
    this.values = new Float32Array(256 * Math.max(1, width));
  }

  append(steps: Int32Array, values: Float32Array): number {
    const room = this.cap - this.length;
    const n = Math.min(steps.length, room);
    if (n < steps.length) this.truncated = true;
    if (n <= 0) return 0;
    this.reserve(this.length + n);
    this.steps.set(steps.subarray(0, n), this.length);
    this.values.set(values.subarray(0, n * this.width), this.length * this.width);
    this.length += n;
    return n;
  }

  dropBefore(step: number): void {
    const k = lowerBound(this.steps, this.length, step);
    if (k === 0) return;
    this.steps.copyWithin(0, k, this.length);
    this.values.copyWithin(0, k * this.width, this.length * this.width);
    this.length -= k;
  }

  clear(): void {
    this.length = 0;
    this.truncated = false;
  }

  private reserve(size: number): void {
    if (size <= this.steps.length) return;
    let capacity = this.steps.length;
    while (capacity < size) capacity *= 2;
    const steps = new Int32Array(capacity);
    steps.set(this.steps.subarray(0, this.length));
    const values = new Float32Array(capacity * Math.max(1, this.width));
    values.set(this.values.subarray(0, this.length * this.width));
    this.steps = steps;
    this.values = values;
  }
}

/** Per-step spike counts of a rate probe, from step 0 on (capped). */
export class CountSeries {
  counts = new Uint32Array(1024);
  length = 0;
  truncated = false;

  constructor(readonly cap = Infinity) {}

  /** Counts for steps [startStep, startStep + counts.length). */
  append(startStep: number, counts: Uint32Array): void {
    const end = Math.min(startStep + counts.length, this.cap);
    if (end < startStep + counts.length) this.truncated = true;
    if (end <= startStep) return;
    if (end > this.counts.length) {
      let capacity = this.counts.length;
      while (capacity < end) capacity *= 2;
      const next = new Uint32Array(capacity);
      next.set(this.counts.subarray(0, this.length));
      this.counts = next;
    }
    this.counts.set(counts.subarray(0, end - startStep), startStep);
    this.length = Math.max(this.length, end);
  }

  clear(): void {
    this.length = 0;
    this.truncated = false;
  }
}

/** First position in `sorted[0..length)` whose value is >= `value`. */
export function lowerBound(sorted: Int32Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
