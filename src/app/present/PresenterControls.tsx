/** The presenter view's big Run / Pause and Reset buttons (Space and R do the same). */
import { useSessionStore } from '../../store/session/index.ts';
import { toggleRun } from './presenter-actions.ts';

export function PresenterControls() {
  const status = useSessionStore((s) => s.status);
  const hasRun = useSessionStore((s) => s.record !== null);
  const { reset } = useSessionStore.getState();
  const running = status === 'running';
  return (
    <div className="presenter-buttons" role="group" aria-label="Run">
      <button
        type="button"
        className="presenter-button presenter-primary"
        data-testid="present-run"
        aria-keyshortcuts="Space"
        disabled={status === 'starting' || status === 'crashed'}
        onClick={toggleRun}
      >
        {running ? 'Pause' : status === 'paused' ? 'Resume' : 'Run'}
      </button>
      <button
        type="button"
        className="presenter-button"
        data-testid="present-reset"
        aria-keyshortcuts="R"
        disabled={!hasRun && status === 'idle'}
        onClick={() => reset()}
      >
        Reset
      </button>
    </div>
  );
}
