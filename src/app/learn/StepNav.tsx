/** Previous / next links at the foot of a lesson step (real links: a teacher can copy them). */
import { routeHash } from './route.ts';
import type { LessonStep } from './sc/steps.ts';

export interface StepNavProps {
  lesson: string;
  step: number;
  steps: readonly LessonStep[];
}

export function StepNav({ lesson, step, steps }: StepNavProps) {
  const href = (s: number) => routeHash({ view: 'learn', lesson, step: s });
  const prev = steps[step - 2];
  const next = steps[step];
  return (
    <nav className="step-nav" aria-label="Lesson steps">
      {prev ? (
        <a className="btn btn-secondary" href={href(step - 1)} rel="prev">
          ← Previous: {prev.title}
        </a>
      ) : (
        <span />
      )}
      <span className="step-count">
        {step} / {steps.length}
      </span>
      {next ? (
        <a className="btn btn-primary-learn" href={href(step + 1)} rel="next">
          Next: {next.title} →
        </a>
      ) : (
        <span className="lsn-hint">End of the lesson.</span>
      )}
    </nav>
  );
}
