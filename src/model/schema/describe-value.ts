/**
 * How a wrong value is quoted after "got" in a message: numbers as written (NaN and Infinity
 * included, since in-memory documents can hold them), strings in JSON quotes, containers by kind.
 */

const MAX_STRING = 40;

/** A short, human-readable rendering of any value, for the "got ..." part of a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'number':
      return String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'boolean':
      return String(value);
    case 'string':
      return JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}...` : value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'object':
      return 'an object';
  }
  // Unreachable: the cases above cover every `typeof`; TypeScript cannot prove it for `unknown`.
  return 'an unknown value';
}

/** True for a plain JSON-like object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
