/**
 * Checks of the run settings taken together.
 */
import { MAX_RUN_STEPS } from '../limits.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';

/** The run must have at least one step and at most MAX_RUN_STEPS. */
export function checkRun(ctx: CheckContext): void {
  const { dt, duration } = ctx.doc.run;
  const steps = duration / dt;
  if (steps > MAX_RUN_STEPS) {
    flag(
      ctx,
      'run.duration',
      `must be <= ${MAX_RUN_STEPS} steps of run.dt (${dt} ms), got ${duration} ms = ${steps} steps`,
    );
  } else if (duration < dt) {
    flag(ctx, 'run.duration', `must be at least one step (run.dt = ${dt} ms), got ${duration}`);
  }
}
