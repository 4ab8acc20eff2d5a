/**
 * What a policy forbids in one edit: the document before and after are compared on every
 * locked (or hidden) parameter path and every ranged one. Comparing values, not edit types,
 * makes the check cover every way an edit can reach a number (inspector, lesson drawer,
 * keyboard, paste, delete of the item that holds it) without knowing any of them.
 */
import type { NetworkDocument } from '../document.ts';
import { readParam, writeParam } from '../param-path.ts';
import { validateDocument } from '../validate.ts';
import type { ValidationIssue } from '../validation-issue.ts';
import { clampToRange, isUiControl, type ControlPolicy } from './policy.ts';

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

/**
 * `doc` with every ranged number moved into its range, so a student's link opens with values
 * the policy allows (a teacher may set a range that excludes the value the network has).
 * Returns `doc` itself when nothing moves, or when the clamped values would make the document
 * invalid (a threshold clamped below the reset): the edit guard still keeps them from moving
 * further out.
 */
export function clampToPolicy(policy: ControlPolicy, doc: NetworkDocument): NetworkDocument {
  let out = doc;
  for (const [path, range] of Object.entries(policy.ranges)) {
    const value = readParam(out, path);
    if (value === null) continue;
    const clamped = clampToRange(value, range);
    if (clamped !== value) out = writeParam(out, path, clamped);
  }
  return out === doc || validateDocument(out).ok ? out : doc;
}
