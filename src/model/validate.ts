/**
 * The front door of the document layer: anything (a parsed file, a value from storage or a
 * URL, an in-memory edit) goes through migration, then the schema, then the cross-checks.
 */
import { checkDocument } from './checks/index.ts';
import { documentSchema } from './document-schema/index.ts';
import type { NetworkDocument } from './document.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { migrateDocument, type MigrationOptions } from './migrate.ts';
import { ROOT_PATH } from './schema/path.ts';
import { INVALID } from './schema/types.ts';
import type { ValidationIssue } from './validation-issue.ts';

export type ValidationResult =
  { ok: true; document: NetworkDocument } | { ok: false; issues: ValidationIssue[] };

/**
 * Checks any value as a network document. On success `document` is a fresh copy with defaults
 * filled in and the current version; on failure `issues` lists every problem found. The
 * cross-reference checks run only once the shape is valid, since they need resolved types.
 * Never throws.
 *
 * @example
 * const result = validateDocument(JSON.parse(text));
 * if (!result.ok) console.error(result.issues.map(formatIssue).join('\n'));
 */
export function validateDocument(value: unknown, options: MigrationOptions = {}): ValidationResult {
  try {
    const migrated = migrateDocument(value, options);
    if (!migrated.ok) return migrated;
    const issues: ValidationIssue[] = [];
    const parsed = documentSchema.parse(migrated.value, '', issues);
    if (parsed === INVALID || issues.length > 0) return { ok: false, issues };
    const crossIssues = checkDocument(parsed);
    return crossIssues.length > 0
      ? { ok: false, issues: crossIssues }
      : { ok: true, document: parsed };
  } catch (error) {
    // Only exotic in-memory values get here (a Proxy or getter that throws when read).
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: ROOT_PATH, message: `could not be read: ${reason}` }] };
  }
}

/**
 * Parses and validates the text of a `.json` file. A syntax error becomes one issue at path
 * `(file)` naming the line and column.
 *
 * @example parseDocumentJson('{"format": "spikelab-network",') // issue at (file): line 1, column 31
 */
export function parseDocumentJson(text: string, options: MigrationOptions = {}): ValidationResult {
  let value: unknown;
  // Some editors on Windows save a byte-order mark, which JSON.parse refuses; it carries no data.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const located = findJsonSyntaxError(body);
    const message =
      located === undefined
        ? `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`
        : `is not valid JSON: line ${located.line}, column ${located.column}: ${located.reason}`;
    return { ok: false, issues: [{ path: '(file)', message }] };
  }
  return validateDocument(value, options);
}
