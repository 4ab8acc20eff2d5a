/**
 * The run controls above the plots: Run / Pause / Step / Reset / Cancel, duration, speed,
 * backend, and what the run is doing right now.
 */
export function RunToolbar() {
  return (
    <div className="run-toolbar" role="toolbar" aria-label="Run controls">
      <button type="button" data-testid="run-button" disabled>
        Run
      </button>
      <span className="run-status" data-testid="run-status">
        idle
      </span>
    </div>
  );
}
