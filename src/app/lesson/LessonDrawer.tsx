/**
 * The lesson drawer beside the lab: the step's text, its controls, the check's state and why it
 * fails, and Back / Next. Next opens once the check passes (or the step was done before, or
 * the teacher allows skipping); the first pass marks the step done in the kept progress.
 */
import { useEffect } from 'react';
import type { Lesson } from '../../model/lesson/index.ts';
import { useSessionStore } from '../../store/session/index.ts';
import { navigate } from '../learn/useRoute.ts';
import { ControlField } from './ControlField.tsx';
import { Markdown } from './Markdown.tsx';
import { progressStore, useProgress } from './progress-store.ts';
import { useCheck } from './useCheck.ts';
import type { StepEntry } from './useStepEntry.ts';

const NO_STEPS: readonly number[] = [];

export function LessonDrawer({
  lesson,
  step,
  entry,
}: {
  lesson: Lesson;
  step: number;
  entry: StepEntry;
}) {
  const current = lesson.steps[step - 1]!;
  const result = useCheck(current.check);
  const running = useSessionStore((s) => s.status === 'running' || s.status === 'starting');
  const done = useProgress((s) => s.progress[lesson.id]?.done ?? NO_STEPS);
  const passed = result.pass && entry.settled;

  useEffect(() => {
    if (passed) progressStore.getState().markDone(lesson.id, step);
  }, [passed, lesson.id, step]);

  const canNext = passed || done.includes(step) || lesson.allow_skip;
  const last = step === lesson.steps.length;
  const go = (k: number) => navigate({ view: 'lesson', lesson: lesson.id, step: k });

  return (
    <aside className="lsr-drawer" aria-label="Lesson" data-testid="lesson-drawer">
      <header>
        <span className="lsr-step-count">
          Step {step} of {lesson.steps.length}
        </span>
        <h2 data-testid="lesson-step-title">{current.title}</h2>
      </header>
      <Markdown text={current.text} />
      {entry.loading && <p className="lsr-hint">Loading the step's network…</p>}
      {entry.error !== null && (
        <p className="lsr-error" role="alert">
          {entry.error}
        </p>
      )}
      {current.controls.length > 0 && (
        <section
          className="lsr-controls"
          aria-label="Controls"
          data-tour="lesson-controls"
          data-testid="lesson-controls"
        >
          {current.controls.map((c) => (
            <ControlField key={c.path} control={c} />
          ))}
        </section>
      )}
      <section
        className={`lsr-check ${passed ? 'lsr-check-pass' : 'lsr-check-fail'}`}
        aria-live="polite"
        data-testid="lesson-check"
        data-pass={passed}
      >
        <strong>{passed ? '✓ Done' : running ? 'Running…' : 'To do'}</strong>
        <span data-testid="lesson-check-message">{result.message}</span>
        {passed && current.done_text !== undefined && <p>{current.done_text}</p>}
      </section>
      <div className="lsr-nav">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => go(step - 1)}
          disabled={step === 1}
          data-testid="lesson-back"
        >
          Back
        </button>
        {current.network !== undefined && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={entry.reload}
            data-testid="lesson-restart"
            title="Load this step's network again"
          >
            Start step again
          </button>
        )}
        {last ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canNext}
            onClick={() => navigate({ view: 'learn', lesson: null, step: 1 })}
            data-testid="lesson-finish"
          >
            Finish
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canNext}
            onClick={() => go(step + 1)}
            data-testid="lesson-next"
          >
            Next
          </button>
        )}
      </div>
    </aside>
  );
}
