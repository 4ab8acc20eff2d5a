/**
 * The protocol between the page's Sweep panel and the sweep worker. Both sides import only
 * these types.
 */
import type { BackendChoice, NetworkDocument } from '../src/model/document.ts';
import type { SweepResult, SweepSpec } from '../src/engine/sweep/run-sweep.ts';

export interface SweepRequest {
  document: NetworkDocument;
  spec: SweepSpec;
  backend: BackendChoice;
}

/** Steps done of the run's total (every variant advances together). */
export type SweepProgressSink = (stepsDone: number, totalSteps: number) => void;

export type SweepOutcome =
  | { ok: true; result: SweepResult }
  /** Cancel arrived; the sweep stopped after its current chunk. */
  | { ok: false; cancelled: true }
  /** `message` names the problem (an invalid variant, an unavailable backend, a refused model). */
  | { ok: false; cancelled: false; message: string };

export interface SweepWorkerApi {
  /** Runs one sweep to its end, a cancel or a failure; one at a time. */
  run(request: SweepRequest, onProgress: SweepProgressSink): Promise<SweepOutcome>;
  /** Stops the running sweep after its current chunk. */
  cancel(): void;
}
