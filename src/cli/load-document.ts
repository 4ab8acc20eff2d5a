/**
 * Reads a network document from disk and validates it with the model's one schema. Every way
 * this can fail becomes a `CliError` with exit status 2 and a message naming the file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NetworkDocument } from '../model/document.ts';
import { parseDocumentJson } from '../model/index.ts';
import { formatIssue } from '../model/validation-issue.ts';
import type { ValidationIssue } from '../model/validation-issue.ts';
import { CliError } from './cli-error.ts';

/** Reads `path` (relative to `cwd`) and returns the validated document. */
export async function loadDocument(path: string, cwd: string): Promise<NetworkDocument> {
  const result = parseDocumentJson(await readText(path, cwd));
  if (!result.ok) throw invalidDocument(`'${path}'`, result.issues);
  return result.document;
}

/**
 * The error for a document that fails validation: one `path: message` line per issue.
 * `what` names the document, e.g. `'net.json'`.
 */
export function invalidDocument(what: string, issues: readonly ValidationIssue[]): CliError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return new CliError(
    `${what} is not a valid network document (${count}):\n${issues.map(formatIssue).join('\n')}`,
  );
}

/** The text of `path` (relative to `cwd`); failures become a `CliError` naming the file. */
export async function readText(path: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read '${path}': ${describeFsError(error)}`);
  }
}

/** The bytes of `path` (relative to `cwd`); failures become a `CliError` naming the file. */
export async function readBytes(path: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(cwd, path)));
  } catch (error) {
    throw new CliError(`cannot read '${path}': ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
