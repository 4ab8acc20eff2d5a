/**
 * The guard that keeps the document valid: an edit from a form is applied to a copy, the copy
 * is validated by the model, and only a valid result may be committed. The inspector shows
 * the issues instead of writing a value the engine would refuse.
 */
import type { NetworkDocument, ValidationIssue } from '../../model/index.ts';
import { validateDocument } from '../../model/index.ts';
import type { DocumentEdit } from './edits.ts';
import { applyEdit } from './reduce.ts';
import { guardIssues } from './edit-guard.ts';

export type CheckedEdit =
  { ok: true; document: NetworkDocument } | { ok: false; issues: ValidationIssue[] };

/** `doc` after `edit` if that is a valid document, else every issue the model finds. */
export function checkEdit(doc: NetworkDocument, edit: DocumentEdit): CheckedEdit {
  const next = applyEdit(doc, edit);
  if (next === doc) return { ok: true, document: doc };
  const refused = edit.type === 'replaceDocument' ? [] : guardIssues(doc, next);
  if (refused.length > 0) return { ok: false, issues: refused };
  const result = validateDocument(next);
  return result.ok ? { ok: true, document: next } : { ok: false, issues: result.issues };
}
