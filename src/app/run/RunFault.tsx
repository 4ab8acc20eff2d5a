/**
 * Why a run stopped: an engine error (with every offending field of an invalid document), or a
 * dead worker with a Restart button. The network itself is never touched by either.
 */
import { useSessionStore } from '../../store/session/index.ts';
import type { EngineFault } from '../../../workers/protocol.ts';

const TITLES: Record<EngineFault['kind'], string> = {
  'document-invalid': 'The network is not valid',
  'memory-budget': 'The network is too large',
  numerical: 'The simulation became unstable',
  'backend-unavailable': 'That backend cannot run here',
  'protocol-mismatch': 'The page and the engine are out of date',
  internal: 'The engine failed',
};

export function RunFault() {
  const fault = useSessionStore((s) => s.fault);
  const crash = useSessionStore((s) => s.crash);
  const status = useSessionStore((s) => s.status);
  if (status === 'crashed') {
    return (
      <div className="run-fault" role="alert" data-testid="run-crash">
        <strong>The engine worker crashed.</strong> <span>{crash}</span> Your network is safe.
        <button
          type="button"
          data-testid="restart-button"
          onClick={() => useSessionStore.getState().restart()}
        >
          Restart engine
        </button>
      </div>
    );
  }
  if (status !== 'error' || !fault) return null;
  return (
    <div className="run-fault" role="alert" data-testid="run-error" data-kind={fault.kind}>
      <strong>{TITLES[fault.kind]}:</strong>{' '}
      {fault.kind === 'document-invalid' ? (
        <ul>
          {fault.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      ) : (
        <span>{fault.message}</span>
      )}
    </div>
  );
}
