/**
 * Keeps `lessonRuns` (what the checks read) in step with the session's last finished run and
 * the board's last run while a lesson is open. A run that finished before the lesson opened
 * counts too: the stores are read once on mount.
 */
import { useEffect } from 'react';
import { sessionStore } from '../../store/session/index.ts';
import { boardStore } from '../hardware/board/board.ts';
import { lessonRuns, summariseBoard, summariseRun } from './run-summary.ts';

export function useRunFeeds(): void {
  useEffect(() => {
    const fromSession = () => {
      const summary = summariseRun(sessionStore.getState());
      // Only a newly finished run replaces the last one: a run in progress keeps it.
      if (summary !== null && summary.document !== lessonRuns.getState().run?.document) {
        lessonRuns.setState({ run: summary });
      }
    };
    const fromBoard = () => {
      const board = summariseBoard(boardStore.getState().run);
      const last = lessonRuns.getState().board;
      if (board?.document !== last?.document || board?.outcome.kind !== last?.outcome.kind) {
        lessonRuns.setState({ board });
      }
    };
    fromSession();
    fromBoard();
    const unsubscribeSession = sessionStore.subscribe((s, prev) => {
      if (s.status !== prev.status || s.record !== prev.record) fromSession();
    });
    const unsubscribeBoard = boardStore.subscribe((s, prev) => {
      if (s.run !== prev.run) fromBoard();
    });
    return () => {
      unsubscribeSession();
      unsubscribeBoard();
    };
  }, []);
}
