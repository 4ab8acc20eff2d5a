/**
 * What a policy forbids in one edit: the document before and after are compared on every
 * locked (or hidden) parameter path and every ranged one. Comparing values, not edit types,
 * makes the check cover every way an edit can reach a number (inspector, lesson drawer,
 * keyboard, paste, delete of the item that holds it) without knowing any of them.
 */
import type { NetworkDocument } from '../document.ts';
import { readParam } from '../param-path.ts';
import type { ValidationIssue } from '../validation-issue.ts';
import { isUiControl, type ControlPolicy } from './policy.ts';

/** The issue path of a parameter path, in the model's dotted style, so fields find their own. */
function issuePath(path: string): string {
  return path.replaceAll('/', '.');
}

/** Every way `after` breaks `policy` where `before` did not; empty when the edit may pass. */
export function policyViolations(
  policy: ControlPolicy,
  before: NetworkDocument,
  after: NetworkDocument,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const frozen = new Set([...policy.locked, ...policy.hidden].filter((id) => !isUiControl(id)));
  for (const path of frozen) {
    const old = readParam(before, path);
    if (old !== null && readParam(after, path) !== old) {
      issues.push({ path: issuePath(path), message: 'locked by the teacher' });
    }
  }
  for (const [path, { min, max }] of Object.entries(policy.ranges)) {
    const value = readParam(after, path);
    if (value === null || value === readParam(before, path)) continue;
    if (value < min || value > max) {
      issues.push({
        path: issuePath(path),
        message: `must be between ${min} and ${max} (the teacher's range), got ${value}`,
      });
    }
  }
  return issues;
}
