/**
 * The lesson's steps as dots: done, current, to do. A done step, and the first step not yet
 * done, can be opened from here; later ones wait for their turn.
 */
import type { Lesson } from '../../model/lesson/index.ts';
import { routeHash } from '../learn/route.ts';

export function ProgressStrip({
  lesson,
  step,
  done,
}: {
  lesson: Lesson;
  step: number;
  done: number[];
}) {
  const reachable = (k: number) =>
    lesson.allow_skip || k === 1 || done.includes(k) || done.includes(k - 1);
  return (
    <nav className="lsr-strip" aria-label={`${lesson.title}: progress`} data-testid="lesson-strip">
      <span className="lsr-strip-title">{lesson.title}</span>
      <ol>
        {lesson.steps.map((s, i) => {
          const k = i + 1;
          const state = k === step ? 'current' : done.includes(k) ? 'done' : 'todo';
          const text = `Step ${k}: ${s.title} (${state === 'todo' ? 'to do' : state})`;
          return (
            <li
              key={k}
              className={`lsr-dot lsr-dot-${state}`}
              data-state={state}
              data-testid={`lesson-dot-${k}`}
            >
              {reachable(k) && k !== step ? (
                <a
                  href={routeHash({ view: 'lesson', lesson: lesson.id, step: k })}
                  aria-label={text}
                  title={text}
                >
                  {done.includes(k) ? '✓' : k}
                </a>
              ) : (
                <span aria-label={text} title={text} aria-current={k === step ? 'step' : undefined}>
                  {done.includes(k) && k !== step ? '✓' : k}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <span className="lsr-strip-count">
        {done.length} of {lesson.steps.length} done
      </span>
    </nav>
  );
}
