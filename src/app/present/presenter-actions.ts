/** What the presenter's buttons and keys do, shared so Space and the Run button agree. */
import { sessionStore } from '../../store/session/index.ts';

/** Runs, pauses a running run, or resumes a paused one. A finished run starts again. */
export function toggleRun(): void {
  const { status, pause, run } = sessionStore.getState();
  if (status === 'running') pause();
  else void run();
}
