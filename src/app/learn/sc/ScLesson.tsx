/**
 * The stochastic-computing lesson: the current step's heading, the step itself, and links to
 * the previous and next steps. Each step is a component of its own; their settings live in
 * `lesson-store.ts`, so moving between steps keeps them.
 */
import { useEffect, useRef } from 'react';
import { AndStep } from './AndStep.tsx';
import { CheckStep } from './CheckStep.tsx';
import { CurrentStep } from './CurrentStep.tsx';
import { ErrorStep } from './ErrorStep.tsx';
import { LayerStep } from './LayerStep.tsx';
import { LifStep } from './LifStep.tsx';
import { SC_STEPS } from './steps.ts';
import { TwoLayerStep } from './TwoLayerStep.tsx';
import { StepNav } from '../StepNav.tsx';

/** The step components, in `SC_STEPS` order. */
const STEP_VIEWS = [LifStep, AndStep, ErrorStep, CurrentStep, LayerStep, TwoLayerStep, CheckStep];

export function ScLesson({ step }: { step: number }) {
  const info = SC_STEPS[step - 1];
  const View = STEP_VIEWS[step - 1];
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new step's title, not on the Next link.
    // Only on a change of step: the first render (and StrictMode's second effect) keeps focus.
    if (shown.current === step) return;
    shown.current = step;
    heading.current?.focus();
    heading.current?.closest('.lesson')?.scrollTo({ top: 0 });
  }, [step]);
  if (info === undefined || View === undefined) return null;
  return (
    <article className="lesson" aria-labelledby="lesson-step-title">
      <header className="lesson-head">
        <p className="lesson-kicker">
          Stochastic computing · step {step} of {SC_STEPS.length}
        </p>
        <h2 id="lesson-step-title" ref={heading} tabIndex={-1}>
          {info.title}
        </h2>
        <p className="lesson-source">{info.source}</p>
      </header>
      <View key={step} />
      <StepNav lesson="sc" step={step} steps={SC_STEPS} />
    </article>
  );
}
