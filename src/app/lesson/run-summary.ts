/**
 * The checks' view of the runs, from the page's stores: the session's last finished run
 * (a cancelled run is not finished) and the board's last run, as the plain summaries of
 * `src/model/lesson/run-summary.ts`. Kept in a small store that only changes when a run ends,
 * so the drawer does not re-render on every chunk.
 */
import { createStore } from 'zustand/vanilla';
import type { BoardSummary, RunSummary } from '../../model/lesson/index.ts';
import type { SessionState } from '../../store/session/index.ts';
import type { BoardRunView } from '../hardware/board/board-run-view.ts';

/** The summary of a finished run, or null when the session holds none. */
export function summariseRun(state: Pick<SessionState, 'status' | 'record'>): RunSummary | null {
  const record = state.record;
  if (state.status !== 'finished' || record === null) return null;
  const spikes: RunSummary['spikes'] = {};
  for (const [id, s] of record.spikes) spikes[id] = { count: s.full.length, size: s.size };
  return { document: record.document, durationMs: record.endStep * record.dt, spikes };
}

/** The board run as a check reads it: finished and compared, or not yet. */
export function summariseBoard(view: BoardRunView | null): BoardSummary | null {
  if (view === null) return null;
  const verdict = view.done?.verdict;
  if (view.stage !== 'done' || verdict === undefined)
    return { document: view.document, outcome: { kind: 'unfinished' } };
  if (verdict.kind === 'bit-exact') {
    return { document: view.document, outcome: { kind: 'bit-exact', spikes: verdict.spikes } };
  }
  const population =
    view.document.populations[verdict.population]?.id ?? String(verdict.population);
  return { document: view.document, outcome: { kind: 'differs', step: verdict.step, population } };
}

export interface LessonRunsState {
  run: RunSummary | null;
  board: BoardSummary | null;
}

export const lessonRuns = createStore<LessonRunsState>()(() => ({ run: null, board: null }));
