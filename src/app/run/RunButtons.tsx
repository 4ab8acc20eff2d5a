/** Run / Pause / Step / Reset / Cancel, enabled according to where the run stands. */
import { useSessionStore } from '../../store/session/index.ts';

export function RunButtons() {
  const status = useSessionStore((s) => s.status);
  const hasRun = useSessionStore((s) => s.record !== null);
  // A step (or the tail of a pause) still streaming: one request at a time.
  const stepping = useSessionStore((s) => s.busy && s.status === 'paused');
  const { run, pause, stepOnce, reset, cancel } = useSessionStore.getState();
  const busy = status === 'running' || status === 'starting';
  return (
    <div className="run-buttons" role="group" aria-label="Run">
      {status === 'running' ? (
        <button type="button" className="run-primary" data-testid="pause-button" onClick={pause}>
          Pause
        </button>
      ) : (
        <button
          type="button"
          className="run-primary"
          data-testid="run-button"
          disabled={status === 'starting' || status === 'crashed'}
          onClick={() => void run()}
        >
          {status === 'paused' ? 'Resume' : 'Run'}
        </button>
      )}
      <button
        type="button"
        data-testid="step-button"
        title="Simulate one chunk (20 ms) and pause"
        disabled={busy || stepping || status === 'crashed'}
        onClick={() => void stepOnce()}
      >
        Step
      </button>
      <button
        type="button"
        data-testid="reset-button"
        title="Forget this run; the next Run uses the network as it is now"
        disabled={!hasRun && status === 'idle'}
        onClick={reset}
      >
        Reset
      </button>
      <button
        type="button"
        data-testid="cancel-button"
        title="Stop now; the data recorded so far is kept"
        disabled={!busy && status !== 'paused'}
        onClick={cancel}
      >
        Cancel
      </button>
    </div>
  );
}
