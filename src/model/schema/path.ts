/**
 * Field paths in the style users read in messages: `populations[2].params.tau_mem`.
 */
import type { ValidationIssue } from '../validation-issue.ts';

/** What the root of the document is called in a message, where the path would be empty. */
export const ROOT_PATH = '(document)';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The path of field `key` inside the object at `path`; odd keys are quoted so they stay readable. */
export function fieldPath(path: string, key: string): string {
  const part = PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (path === '') return part;
  return part.startsWith('[') ? `${path}${part}` : `${path}.${part}`;
}

/** The path of element `index` of the array at `path`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Appends an issue, naming the root `(document)` rather than leaving the path empty. */
export function report(issues: ValidationIssue[], path: string, message: string): void {
  issues.push({ path: path === '' ? ROOT_PATH : path, message });
}
