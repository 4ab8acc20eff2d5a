import { formatIssue } from '../../model/index.ts';
import { useNotices } from './notices-store.ts';

/**
 * Lists every problem of a document that could not be opened. The current network is left as
 * it was, and the panel says so, so the user knows nothing was lost.
 */
export function IssuesPanel() {
  const report = useNotices((s) => s.report);
  const dismiss = useNotices((s) => s.dismissIssues);
  if (report === null) return null;
  const count = report.issues.length;
  return (
    <div className="issues-panel" role="alert" data-testid="issues-panel">
      <div className="issues-head">
        <strong>
          Could not open {report.title}: {count} {count === 1 ? 'problem' : 'problems'}
        </strong>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={dismiss}
          data-testid="issues-dismiss"
        >
          Dismiss
        </button>
      </div>
      <p className="issues-note">Your current network is unchanged.</p>
      <ul className="issues-list">
        {report.issues.map((issue, i) => (
          <li key={i}>
            <code>{formatIssue(issue)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
