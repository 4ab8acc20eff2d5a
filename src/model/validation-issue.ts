/** One problem found in a document: where it is and what is wrong with it. */
export interface ValidationIssue {
  /** Field path in the document, e.g. `populations[2].params.tau_mem`. */
  path: string;
  /** Why it is wrong, e.g. `must be > 0, got -5`. */
  message: string;
}

/** `path: message`, the form every user-facing error uses. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}
