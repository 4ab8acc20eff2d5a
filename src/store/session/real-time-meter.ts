/**
 * Real-time factor of a streaming run: simulated time gained over wall time elapsed, measured
 * over roughly the last second so it follows speed changes without jittering chunk by chunk.
 */
export class RealTimeMeter {
  private samples: { wall: number; sim: number }[] = [];

  constructor(
    private readonly now: () => number,
    private readonly spanMs = 1000,
  ) {}

  /** Starts measuring afresh from simulated time `simMs` (on play, resume, speed change). */
  restart(simMs: number): void {
    this.samples = [{ wall: this.now(), sim: simMs }];
  }

  sample(simMs: number): void {
    const wall = this.now();
    this.samples.push({ wall, sim: simMs });
    // Keep one sample older than the span so the measured interval covers the whole span.
    while (this.samples.length > 2 && wall - (this.samples[1]?.wall ?? wall) > this.spanMs) {
      this.samples.shift();
    }
  }

  /** Simulated ms per wall ms, or null before there is an interval to measure. */
  factor(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.wall - first.wall < 50) return null;
    return (last.sim - first.sim) / (last.wall - first.wall);
  }
}
