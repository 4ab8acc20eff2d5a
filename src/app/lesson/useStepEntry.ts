/**
 * What opening a lesson step does to the page: the step's network (or, for a step without one,
 * the nearest earlier step's) is loaded the first time (an undoable load; later visits and
 * reloads keep the student's work), and the step's policy (hidden, locked, ranged controls) is
 * put in force through the classroom store until another step opens or the lesson closes.
 */
import { useCallback, useEffect, useState } from 'react';
import { EMPTY_POLICY } from '../../model/classroom/policy.ts';
import type { Lesson, LessonStep } from '../../model/lesson/index.ts';
import { classroomStore } from '../../store/classroom/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { fetchStepNetwork } from './lesson-files.ts';
import { progressStore } from './progress-store.ts';

export interface StepEntry {
  /** The network is being fetched. */
  loading: boolean;
  /**
   * The step is in place: its network loaded (or kept) and its policy in force. Until then a
   * check would read the last step's network, so the drawer does not count it.
   */
  settled: boolean;
  /** Why the step's network could not be loaded. */
  error: string | null;
  /** Loads the step's network again (Start the step again). */
  reload: () => void;
}

/**
 * Loads `from`'s network (when given) with the policy lifted (the last step's locks must not
 * refuse it), then puts `step`'s policy in force. `alive` says whether the caller still wants it.
 */
async function loadStep(
  step: LessonStep,
  from: LessonStep | null,
  alive: () => boolean,
): Promise<void> {
  const classroom = classroomStore.getState();
  classroom.setLessonPolicy(EMPTY_POLICY);
  try {
    if (from?.network === undefined) return;
    const doc = await fetchStepNetwork(from.network);
    if (alive()) documentStore.getState().loadDocument(doc, { label: `Lesson: ${from.title}` });
  } finally {
    if (alive()) classroomStore.getState().setLessonPolicy(step.policy);
  }
}

/** The step (1-based) whose network `step` works on: itself or the nearest earlier one with one. */
export function networkStep(lesson: Lesson, step: number): number | null {
  for (let k = step; k >= 1; k -= 1) if (lesson.steps[k - 1]?.network !== undefined) return k;
  return null;
}

export function useStepEntry(lesson: Lesson | null, step: number): StepEntry {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [settledKey, setSettledKey] = useState<string | null>(null);
  const current = lesson?.steps[step - 1];
  const key = lesson === null ? null : `${lesson.id}/${step}`;

  const run = useCallback(
    (alive: () => boolean, force: boolean) => {
      if (lesson === null || current === undefined) return;
      classroomStore.getState().setLesson({ id: lesson.id, step });
      // A step without a network works on the last one loaded before it; opened straight from
      // a link, that one is loaded first.
      const source = networkStep(lesson, step);
      const opened = progressStore.getState().of(lesson.id).opened;
      const fresh = source !== null && (force || !opened.includes(source));
      setError(null);
      setLoading(fresh);
      setSettledKey(null);
      loadStep(current, fresh && source !== null ? (lesson.steps[source - 1] ?? null) : null, alive)
        .then(() => {
          if (!alive()) return;
          if (fresh && source !== null) progressStore.getState().markOpened(lesson.id, source);
          setSettledKey(`${lesson.id}/${step}`);
        })
        .catch((e: unknown) => {
          if (alive()) setError(e instanceof Error ? e.message : String(e));
        })
        .finally(() => {
          if (alive()) setLoading(false);
        });
    },
    [lesson, current, step],
  );

  useEffect(() => {
    let alive = true;
    run(() => alive, false);
    return () => {
      alive = false;
    };
  }, [run]);

  // Leaving the lesson lifts its policy.
  useEffect(
    () => () => {
      classroomStore.getState().setLessonPolicy(EMPTY_POLICY);
    },
    [],
  );

  const reload = useCallback(() => run(() => true, true), [run]);
  return { loading, settled: key !== null && settledKey === key, error, reload };
}
