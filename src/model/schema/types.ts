/**
 * The contract every schema combinator fulfils: one declaration yields both a validator that
 * collects every issue and a JSON Schema fragment, so the two can never disagree.
 */
import type { ValidationIssue } from '../validation-issue.ts';

/** A JSON value, as JSON Schema documents are made of. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Returned by `parse` when the value (or something inside it) is wrong. A sentinel rather than
 * `undefined`, because `undefined` is a legitimate "absent optional field".
 */
export const INVALID: unique symbol = Symbol('invalid');
export type Parsed<T> = T | typeof INVALID;

export interface Schema<T> {
  /**
   * Checks `value` found at `path`, appends one issue per problem to `issues` (never stops at
   * the first) and returns a fresh copy of the value with defaults filled in, or `INVALID`.
   * Never throws.
   */
  readonly parse: (value: unknown, path: string, issues: ValidationIssue[]) => Parsed<T>;
  /** The JSON Schema (draft 2020-12) fragment that accepts what `parse` accepts, as far as JSON can say. */
  readonly jsonSchema: () => JsonObject;
}

/** The type a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;
