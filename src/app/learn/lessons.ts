/**
 * The lessons of the Learn area, in the order the list shows them. A lesson is an id (its
 * URL: `#/learn/<id>/<step>`), a title, a one-line summary and its step titles; `LessonView`
 * maps the id to the component that teaches it.
 */
import { SC_STEPS, type LessonStep } from './sc/steps.ts';

export interface LessonInfo {
  id: string;
  title: string;
  summary: string;
  steps: readonly LessonStep[];
}

export const LESSONS: readonly LessonInfo[] = [
  {
    id: 'sc',
    title: 'Stochastic computing',
    summary:
      'Numbers as streams of random bits, multiplication with one AND gate, and spiking ' +
      'neurons driven by them.',
    steps: SC_STEPS,
  },
];

/** The lesson with this id, or the first lesson when the id is null or unknown. */
export function findLesson(id: string | null): LessonInfo {
  const first = LESSONS[0];
  if (first === undefined) throw new Error('the lesson list is empty');
  return LESSONS.find((l) => l.id === id) ?? first;
}

/** `step` clamped to 1..steps of the lesson. */
export function clampStep(lesson: LessonInfo, step: number): number {
  return Math.min(lesson.steps.length, Math.max(1, Math.round(step)));
}
