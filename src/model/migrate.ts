/**
 * Reading older files: every format version bump adds one `from -> to` step here, and
 * `migrateDocument` chains them until the value is at the current version. Only version 1
 * exists so far, so the list is empty; the mechanism is tested with injected migrations.
 */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document.ts';
import { describeValue, isRecord } from './schema/describe-value.ts';
import { ROOT_PATH } from './schema/path.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** One step of the format's history. It must not mutate its input. */
export interface Migration {
  from: number;
  to: number;
  migrate: (value: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** The format's history, oldest first. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] };

export interface MigrationOptions {
  migrations?: readonly Migration[];
  /** The version to migrate to; tests inject a synthetic history with their own target. */
  currentVersion?: number;
}

/**
 * Recognises a Spikelab network (the `format` tag) and brings it to the current version by
 * chaining migrations. The result is still unvalidated: `validateDocument` checks it next.
 * Never throws; a migration that throws becomes an issue.
 *
 * @example migrateDocument({ format: 'spikelab-network', version: 1, ... }) // { ok: true, value }
 */
export function migrateDocument(value: unknown, options: MigrationOptions = {}): MigrationResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.currentVersion ?? DOCUMENT_VERSION;
  const fail = (path: string, message: string): MigrationResult => ({
    ok: false,
    issues: [{ path, message }],
  });
  if (!isRecord(value)) {
    return fail(
      ROOT_PATH,
      `must be a Spikelab network (a JSON object), got ${describeValue(value)}`,
    );
  }
  if (!Object.hasOwn(value, 'format')) {
    return fail(
      'format',
      `required field is missing; this is not a Spikelab network (expected "format": "${DOCUMENT_FORMAT}")`,
    );
  }
  if (value.format !== DOCUMENT_FORMAT) {
    return fail(
      'format',
      `must be "${DOCUMENT_FORMAT}", got ${describeValue(value.format)}: this is not a Spikelab network`,
    );
  }
  const version = value.version;
  if (version === undefined) return fail('version', 'required field is missing');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail('version', `must be a whole number, got ${describeValue(version)}`);
  }
  if (version > current) {
    return fail(
      'version',
      `this file was written by a newer Spikelab (format version ${version}); ` +
        `this version reads up to ${current}`,
    );
  }
  let doc: Record<string, unknown> = value;
  let at = version;
  while (at < current) {
    const step = migrations.find((m) => m.from === at);
    if (step === undefined || step.to <= at) {
      return fail(
        'version',
        `format version ${at} cannot be read: no migration to version ${at + 1}`,
      );
    }
    try {
      doc = { ...step.migrate(doc), version: step.to };
    } catch (error) {
      const reason = error instanceof Error ? error.message : describeValue(error);
      return fail('version', `upgrading from format version ${at} to ${step.to} failed: ${reason}`);
    }
    at = step.to;
  }
  return { ok: true, value: doc };
}
