/**
 * Sends a run's live changes to the worker: at most one request in flight, and while one is,
 * only the last value of each path waits (a dragged slider sends what it ends on, not every
 * position it passed). Each answered change is reported with the step it took effect at.
 */
import type { LiveChange } from '../../engine/api.ts';
import type { LiveResult } from '../../../workers/protocol.ts';

export interface LiveSenderDeps {
  send: (changes: LiveChange[]) => Promise<LiveResult>;
  /** The changes took effect at `step`. */
  applied: (changes: LiveChange[], step: number) => void;
  /** The worker refused the changes (nothing changed); `message` says why. */
  refused: (changes: LiveChange[], message: string) => void;
}

export class LiveSender {
  private readonly pending = new Map<string, number>();
  private inFlight = false;
  private closed = false;

  constructor(private readonly deps: LiveSenderDeps) {}

  /** Queues `path = value`, replacing a value of the same path not yet sent. */
  set(path: string, value: number): void {
    if (this.closed) return;
    this.pending.set(path, value);
    if (!this.inFlight) void this.flush();
  }

  /** The run ended or was replaced: drop what waits, report nothing more. */
  close(): void {
    this.closed = true;
    this.pending.clear();
  }

  /** Whether nothing waits and nothing is in flight. */
  get idle(): boolean {
    return !this.inFlight && this.pending.size === 0;
  }

  private async flush(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.pending.size > 0 && !this.closed) {
        const changes = [...this.pending].map(([path, value]) => ({ path, value }));
        this.pending.clear();
        const result = await this.deps.send(changes).catch((error: unknown): LiveResult => ({
          ok: false,
          fault: { kind: 'internal', message: String(error) },
        }));
        if (this.closed) return;
        if (result.ok) this.deps.applied(changes, result.step);
        else this.deps.refused(changes, result.fault.message);
      }
    } finally {
      this.inFlight = false;
    }
  }
}
