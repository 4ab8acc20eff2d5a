/**
 * What a user-data parser returns: the parsed value, or every problem found (the first
 * `MAX_REPORTED` of them, with the total), each naming where it is (a 1-based line of a CSV
 * file, an entry such as `t[3]` of a JSON file) and why.
 */

/** One problem of a data file. */
export interface DataIssue {
  /** `line 4`, `t[3]`, or `(file)` for the whole file. */
  where: string;
  reason: string;
}

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: DataIssue[]; /** All problems found, reported or not. */ total: number };

/** How many problems a parse reports (a file of a million bad rows should not list them all). */
export const MAX_REPORTED = 20;

/** `where: reason`, the form every user-facing error uses. */
export function formatDataIssue(issue: DataIssue): string {
  return `${issue.where}: ${issue.reason}`;
}

/** Collects problems, keeping the first `MAX_REPORTED`. */
export class IssueList {
  readonly issues: DataIssue[] = [];
  total = 0;

  add(where: string, reason: string): void {
    this.total++;
    if (this.issues.length < MAX_REPORTED) this.issues.push({ where, reason });
  }

  /** The failure result, or undefined when nothing was added. */
  failure<T>(): ParseResult<T> | undefined {
    return this.total === 0 ? undefined : { ok: false, issues: this.issues, total: this.total };
  }
}

/**
 * Every problem as lines of text, with a last line saying how many were left out.
 *
 * @example formatDataIssues({ ok: false, issues: [{ where: 'line 2', reason: 'x' }], total: 3 })
 * // ['line 2: x', '... and 2 more problems']
 */
export function formatDataIssues(result: { issues: DataIssue[]; total: number }): string[] {
  const lines = result.issues.map(formatDataIssue);
  const more = result.total - result.issues.length;
  if (more > 0) lines.push(`... and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines;
}
