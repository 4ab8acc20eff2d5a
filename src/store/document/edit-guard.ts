/**
 * A hook through which something outside the document store (the classroom's control policy)
 * may refuse an edit. `apply` and `tryApply` ask it after computing the new document and
 * before committing, so every edit, whatever its source, passes the same guard. Without a
 * guard installed every edit passes.
 */
import type { NetworkDocument, ValidationIssue } from '../../model/index.ts';

/** The issues that forbid going from `before` to `after`; empty to allow it. */
export type EditGuard = (before: NetworkDocument, after: NetworkDocument) => ValidationIssue[];

/** Told when `apply` (which returns nothing) drops an edit, so the page can say why. */
export type RefusalListener = (issues: ValidationIssue[]) => void;

let guard: EditGuard = () => [];
let onRefused: RefusalListener = () => undefined;

export function setEditGuard(next: EditGuard | null): void {
  guard = next ?? (() => []);
}

export function setRefusalListener(next: RefusalListener | null): void {
  onRefused = next ?? (() => undefined);
}

export function guardIssues(before: NetworkDocument, after: NetworkDocument): ValidationIssue[] {
  return guard(before, after);
}

export function reportRefusal(issues: ValidationIssue[]): void {
  onRefused(issues);
}
