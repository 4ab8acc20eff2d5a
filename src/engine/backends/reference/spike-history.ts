/**
 * The spikes of one population over its last `depth` steps, as a ring of ascending index lists.
 * A projection with delay d reads the list of step t-d; per-synapse delays also need "did s
 * spike at step t'?" in O(1), so populations that feed such projections keep a flag per slot.
 */
export class SpikeHistory {
  private readonly lists: Uint32Array[];
  private readonly counts: Int32Array;
  private readonly flags: Uint8Array[] | undefined;
  /** Union buffer and membership marks for `sourcesInWindow` (a neuron appears once). */
  private readonly merged: Uint32Array;
  private readonly seen: Uint8Array;

  constructor(
    readonly size: number,
    /** Steps kept: 1 + the largest delay of any projection from this population. */
    readonly depth: number,
    withFlags: boolean,
  ) {
    this.lists = Array.from({ length: depth }, () => new Uint32Array(size));
    this.counts = new Int32Array(depth);
    this.flags = withFlags ? Array.from({ length: depth }, () => new Uint8Array(size)) : undefined;
    this.merged = new Uint32Array(withFlags ? size : 0);
    this.seen = new Uint8Array(withFlags ? size : 0);
  }

  /** Forget everything (back to step 0). */
  clear(): void {
    this.counts.fill(0);
    if (this.flags) for (const f of this.flags) f.fill(0);
  }

  /**
   * Start the list of step t, overwriting step t - depth, and return it for the caller to fill
   * in ascending order; then call `commit(t, count)`.
   */
  begin(t: number): Uint32Array {
    const slot = t % this.depth;
    const flags = this.flags?.[slot];
    if (flags) {
      const old = this.lists[slot] as Uint32Array;
      const n = this.counts[slot] ?? 0;
      for (let k = 0; k < n; k++) flags[old[k] ?? 0] = 0;
    }
    this.counts[slot] = 0;
    return this.lists[slot] as Uint32Array;
  }

  /** Record that the list returned by `begin(t)` holds `count` spikes. */
  commit(t: number, count: number): void {
    const slot = t % this.depth;
    this.counts[slot] = count;
    const flags = this.flags?.[slot];
    if (flags) {
      const list = this.lists[slot] as Uint32Array;
      for (let k = 0; k < count; k++) flags[list[k] ?? 0] = 1;
    }
  }

  /** The spike list of step t (which must be within the last `depth` steps). */
  list(t: number): Uint32Array {
    return this.lists[t % this.depth] as Uint32Array;
  }

  /** Number of spikes at step t (which must be within the last `depth` steps). */
  count(t: number): number {
    return this.counts[t % this.depth] ?? 0;
  }

  /** Whether neuron s spiked at step t (only for histories built with flags). */
  spikedAt(t: number, s: number): boolean {
    return (this.flags?.[t % this.depth]?.[s] ?? 0) === 1;
  }

  /**
   * Distinct neurons that spiked in steps [from, to], ascending, written to the returned buffer;
   * the count is the second element. Used to walk sources in the order step 5 requires.
   */
  sourcesInWindow(from: number, to: number): [Uint32Array, number] {
    const { merged, seen } = this;
    let n = 0;
    for (let t = Math.max(0, from); t <= to; t++) {
      const list = this.list(t);
      const c = this.count(t);
      for (let k = 0; k < c; k++) {
        const s = list[k] as number;
        if (seen[s] === 0) {
          seen[s] = 1;
          merged[n++] = s;
        }
      }
    }
    for (let k = 0; k < n; k++) seen[merged[k] as number] = 0;
    merged.subarray(0, n).sort();
    return [merged, n];
  }
}
