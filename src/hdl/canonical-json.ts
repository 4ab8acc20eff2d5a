/**
 * The document's identity for the generated files' headers: SHA-256 of its canonical JSON
 * (object keys sorted at every level, no whitespace), so the hash follows what the document
 * says, not how its file happened to be formatted or ordered.
 */
import type { NetworkDocument } from '../model/document.ts';
import { sha256Hex } from './sha256.ts';

/** JSON with every object's keys in sorted order (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 (hex) of the validated document's canonical JSON. */
export function documentHash(doc: NetworkDocument): string {
  return sha256Hex(canonicalJson(doc));
}
