/** The outcome of reading a document from anywhere (file, storage, link, example). */
import type { NetworkDocument } from '../../model/document.ts';
import type { ValidationIssue } from '../../model/validation-issue.ts';

export type LoadResult =
  { ok: true; document: NetworkDocument } | { ok: false; issues: ValidationIssue[] };

/** A failure with one issue at the document root, for problems before validation (bad link). */
export function loadFailure(message: string, path = '(document)'): LoadResult {
  return { ok: false, issues: [{ path, message }] };
}
