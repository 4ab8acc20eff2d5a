/** The open step's check, evaluated live on the network on screen and the last runs. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { evaluateCheck, type CheckResult, type LessonCheck } from '../../model/lesson/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { lessonRuns } from './run-summary.ts';

export function useCheck(check: LessonCheck): CheckResult {
  const document = useDocumentStore((s) => s.document);
  const run = useStore(lessonRuns, (s) => s.run);
  const board = useStore(lessonRuns, (s) => s.board);
  return useMemo(
    () => evaluateCheck(check, { document, run, board }),
    [check, document, run, board],
  );
}
