/**
 * Says why an edit was dropped: `apply` (drags, deletes, pastes, the run toolbar's fields)
 * returns nothing to its caller, so a refusal by the teacher's policy is told with a toast.
 * Form fields show the same message under the field (they go through `tryApply`).
 */
import { formatIssue } from '../../model/index.ts';
import { setRefusalListener } from '../../store/document/edit-guard.ts';
import { useNotices } from '../common/notices-store.ts';

export function installRefusalToasts(): void {
  setRefusalListener((issues) => {
    const first = issues[0];
    if (first === undefined) return;
    useNotices.getState().toast(`Not changed: ${formatIssue(first)}`, 'info');
  });
}
