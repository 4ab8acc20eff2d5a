/**
 * Per-neuron flash brightness: a neuron that spikes lights up at once and fades out over
 * `fadeMs` of wall time. Only neurons still fading are visited each frame (an active list), so
 * a quiet 100,000-neuron population costs nothing, and a busy one costs its recent spikers.
 */

/** Brightness `ageMs` after a spike: 1 at once, falling linearly to 0 at `fadeMs`. */
export function fadeIntensity(ageMs: number, fadeMs: number): number {
  if (ageMs < 0) return 1;
  return ageMs >= fadeMs ? 0 : 1 - ageMs / fadeMs;
}

/** Sum of the lit neurons' positions weighted by brightness, for the follow camera. */
export interface ActivitySum {
  x: number;
  y: number;
  z: number;
  weight: number;
}

export class SpikeFade {
  /** Wall time of each neuron's last spike, ms. */
  private readonly lastFlash: Float64Array;
  private readonly isActive: Uint8Array;
  private active: Uint32Array;
  private activeCount = 0;

  constructor(
    readonly size: number,
    readonly fadeMs = 100,
  ) {
    this.lastFlash = new Float64Array(size).fill(-Infinity);
    this.isActive = new Uint8Array(size);
    this.active = new Uint32Array(Math.min(size, 1024));
  }

  /** Neurons still fading (lit at the last `update`, or flashed since). */
  get litCount(): number {
    return this.activeCount;
  }

  /** Lights `indices[from..to)` at wall time `nowMs`; out-of-range indices are ignored. */
  flash(indices: ArrayLike<number>, from: number, to: number, nowMs: number): void {
    for (let k = from; k < to; k++) {
      const i = indices[k]!;
      if (i >= this.size) continue;
      this.lastFlash[i] = nowMs;
      if (this.isActive[i]) continue;
      this.isActive[i] = 1;
      if (this.activeCount === this.active.length) this.grow();
      this.active[this.activeCount++] = i;
    }
  }

  /**
   * Calls `write(i, brightness)` for every fading neuron, the last time with 0, after which it
   * is forgotten. Adds the lit neurons' `positions` (xyz interleaved), weighted by brightness,
   * to `sum` when given. Returns whether anything was written (the colors need an upload).
   */
  update(
    nowMs: number,
    write: (index: number, brightness: number) => void,
    positions?: Float32Array,
    sum?: ActivitySum,
  ): boolean {
    const n = this.activeCount;
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const i = this.active[k]!;
      const b = fadeIntensity(nowMs - this.lastFlash[i]!, this.fadeMs);
      write(i, b);
      if (b > 0) {
        this.active[kept++] = i;
        if (positions && sum) {
          sum.x += positions[3 * i]! * b;
          sum.y += positions[3 * i + 1]! * b;
          sum.z += positions[3 * i + 2]! * b;
          sum.weight += b;
        }
      } else {
        this.isActive[i] = 0;
      }
    }
    this.activeCount = kept;
    return n > 0;
  }

  /** Forgets every flash (a new run); returns the neurons that were lit, to be reset. */
  clear(): Uint32Array {
    const lit = this.active.slice(0, this.activeCount);
    for (const i of lit) this.isActive[i] = 0;
    this.activeCount = 0;
    return lit;
  }

  private grow(): void {
    const next = new Uint32Array(Math.min(this.size, this.active.length * 2));
    next.set(this.active);
    this.active = next;
  }
}
