/** Picks the issue a field should show from those the model found for a rejected edit. */
import type { ValidationIssue } from '../../model/index.ts';
import { formatIssue } from '../../model/index.ts';

/**
 * The message of the first issue whose path ends with `field` (the field's own problem, in
 * the model's words); otherwise the first issue with its path, since the edit broke something
 * elsewhere (a fan-in larger than a shrunk source, say).
 */
export function issueMessage(issues: readonly ValidationIssue[], field: string): string | null {
  if (issues.length === 0) return null;
  const own = issues.find((i) => i.path === field || i.path.endsWith(`.${field}`));
  if (own !== undefined) return capitalize(own.message);
  const first = issues[0];
  return first === undefined ? null : formatIssue(first);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
