/** What the run is doing: status, the backend that actually runs, simulated time, speed. */
import { useSessionStore } from '../../store/session/index.ts';

function formatTime(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function formatFactor(factor: number | null): string {
  if (factor === null) return '—';
  return factor >= 10 ? `${factor.toFixed(0)}×` : `${factor.toFixed(2)}×`;
}

export function RunStats() {
  const status = useSessionStore((s) => s.status);
  const backend = useSessionStore((s) => s.backend);
  const simulatedMs = useSessionStore((s) => s.simulatedMs);
  const total = useSessionStore((s) => s.totalSteps * s.dt);
  const factor = useSessionStore((s) => s.realTimeFactor);
  const cancelled = useSessionStore((s) => s.cancelled);
  const busy = useSessionStore((s) => s.busy);
  return (
    <div className="run-stats" aria-live="polite">
      <span className={`run-status run-status-${status}`} data-testid="run-status" data-busy={busy}>
        {cancelled && status === 'idle' ? 'cancelled' : status}
      </span>
      <span title="The backend that actually runs this network">
        on <strong data-testid="run-backend">{backend ?? '—'}</strong>
      </span>
      <span title="Simulated time">
        t = <strong data-testid="run-time">{formatTime(simulatedMs)}</strong>
        {total > 0 && <span className="run-total"> / {formatTime(total)}</span>}
      </span>
      <span title="Simulated time per wall-clock time">
        speed <strong data-testid="run-factor">{formatFactor(factor)}</strong>
      </span>
    </div>
  );
}
