import type { ReactNode } from 'react';
import { usePolicy } from '../../store/classroom/index.ts';

/**
 * One part of the page under the teacher's policy: gone when hidden, inert (no pointer, no
 * keyboard, no drag) and dimmed when locked. `display: contents` keeps the page's layout as
 * if the wrapper were not there.
 */
export function PolicyGate({ id, children }: { id: `ui/${string}`; children: ReactNode }) {
  const policy = usePolicy();
  if (policy.isHidden(id)) return null;
  if (!policy.isLocked(id)) return children;
  return (
    <div className="policy-locked" data-testid={`locked-${id.slice(3)}`} inert>
      {children}
    </div>
  );
}
