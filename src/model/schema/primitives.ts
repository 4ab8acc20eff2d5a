/**
 * Strings, booleans, literals and enumerations.
 */
import { describeValue } from './describe-value.ts';
import { report } from './path.ts';
import type { JsonObject, Schema } from './types.ts';
import { INVALID } from './types.ts';

export interface StringOptions {
  minLength?: number;
  description?: string;
}

/**
 * A string, optionally non-empty.
 *
 * @example string({ minLength: 1 }) // refuses "" with "must not be empty"
 */
export function string(options: StringOptions = {}): Schema<string> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'string') {
        report(issues, path, `must be a string, got ${describeValue(value)}`);
        return INVALID;
      }
      if (options.minLength !== undefined && value.length < options.minLength) {
        report(
          issues,
          path,
          options.minLength === 1
            ? 'must not be empty'
            : `must be at least ${options.minLength} characters long, got ${describeValue(value)}`,
        );
        return INVALID;
      }
      return value;
    },
    jsonSchema() {
      const out: JsonObject = { type: 'string' };
      if (options.minLength !== undefined) out.minLength = options.minLength;
      if (options.description !== undefined) out.description = options.description;
      return out;
    },
  };
}

/** `true` or `false`; nothing else is coerced. */
export function boolean(): Schema<boolean> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'boolean') {
        report(issues, path, `must be true or false, got ${describeValue(value)}`);
        return INVALID;
      }
      return value;
    },
    jsonSchema: () => ({ type: 'boolean' }),
  };
}

/**
 * Exactly one value (a tag, a format name, a version).
 *
 * @example literal('spikelab-network')
 */
export function literal<const T extends string | number | boolean>(expected: T): Schema<T> {
  return {
    parse(value, path, issues) {
      if (value !== expected) {
        report(issues, path, `must be ${describeValue(expected)}, got ${describeValue(value)}`);
        return INVALID;
      }
      return expected;
    },
    jsonSchema: () => ({ const: expected }),
  };
}

/**
 * One of a fixed list of strings; the message lists them all.
 *
 * @example enumeration(['v', 'i_syn']) // refuses "u" with 'must be one of v, i_syn, got "u"'
 */
export function enumeration<const T extends string>(options: readonly T[]): Schema<T> {
  return {
    parse(value, path, issues) {
      const found = options.find((option) => option === value);
      if (found === undefined) {
        report(issues, path, `must be one of ${options.join(', ')}, got ${describeValue(value)}`);
        return INVALID;
      }
      return found;
    },
    jsonSchema: () => ({ type: 'string', enum: [...options] }),
  };
}
