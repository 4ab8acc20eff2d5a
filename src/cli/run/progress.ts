/**
 * A one-line progress indicator on stderr for runs long enough to wonder about. It draws only
 * on an interactive terminal, so logs, pipes and tests never see carriage returns.
 */
import type { CliIo } from '../io.ts';

/** Runs shorter than this never show progress. */
const QUIET_MS = 1000;
/** Redraw at most this often. */
const REDRAW_MS = 200;

export interface Progress {
  update(doneSteps: number): void;
  /** Erases the line (if one was drawn). */
  finish(): void;
}

/** A progress line for a run of `totalSteps`, or a silent one when stderr is not a terminal. */
export function createProgress(
  io: CliIo,
  totalSteps: number,
  now: () => number = Date.now,
): Progress {
  if (!io.stderrIsTTY) return { update: () => undefined, finish: () => undefined };
  const started = now();
  let lastDrawn = -Infinity;
  let drawn = false;
  return {
    update(doneSteps) {
      const time = now();
      if (time - started < QUIET_MS || time - lastDrawn < REDRAW_MS) return;
      lastDrawn = time;
      drawn = true;
      const percent = Math.floor((100 * doneSteps) / totalSteps);
      io.stderr(`\rspikelab: step ${doneSteps}/${totalSteps} (${percent}%)`);
    },
    finish() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}
