/** Shown while a paused or finished run was compiled from an older version of the network. */
import { useDocumentStore } from '../../store/document/index.ts';
import { useSessionStore } from '../../store/session/index.ts';

export function NetworkChangedBadge() {
  const revision = useDocumentStore((s) => s.documentRevision);
  const runRevision = useSessionStore((s) => s.runRevision);
  const status = useSessionStore((s) => s.status);
  const stale =
    runRevision !== null &&
    runRevision !== revision &&
    (status === 'paused' || status === 'running' || status === 'finished');
  if (!stale) return null;
  return (
    <span className="run-badge" data-testid="network-changed" role="status">
      network changed — Reset to apply
    </span>
  );
}
