/**
 * Numbers with bounds. Non-finite values are always refused: JSON cannot hold them, but an
 * in-memory document edited by the page can, and a NaN parameter would poison a whole run.
 */
import { describeValue } from './describe-value.ts';
import { report } from './path.ts';
import type { JsonObject, Schema } from './types.ts';
import { INVALID } from './types.ts';

export interface NumberOptions {
  integer?: boolean;
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  gt?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive upper bound. */
  lt?: number;
  description?: string;
}

/**
 * A finite number, optionally an integer and bounded. One issue per field: the first rule the
 * value breaks, in the order type, finiteness, integrality, bounds.
 *
 * @example number({ gt: 0 }) // refuses -5 with "must be > 0, got -5"
 */
export function number(options: NumberOptions = {}): Schema<number> {
  return {
    parse(value, path, issues) {
      if (typeof value !== 'number') {
        report(issues, path, `must be a number, got ${describeValue(value)}`);
        return INVALID;
      }
      const problem = numberProblem(value, options);
      if (problem !== undefined) {
        report(issues, path, problem);
        return INVALID;
      }
      return value;
    },
    jsonSchema() {
      const out: JsonObject = { type: options.integer === true ? 'integer' : 'number' };
      if (options.min !== undefined) out.minimum = options.min;
      if (options.gt !== undefined) out.exclusiveMinimum = options.gt;
      if (options.max !== undefined) out.maximum = options.max;
      if (options.lt !== undefined) out.exclusiveMaximum = options.lt;
      if (options.description !== undefined) out.description = options.description;
      return out;
    },
  };
}

/** The message for a number that breaks `options`, or undefined when it is acceptable. */
function numberProblem(value: number, options: NumberOptions): string | undefined {
  const got = describeValue(value);
  if (!Number.isFinite(value)) return `must be a finite number, got ${got}`;
  if (options.integer === true && !Number.isInteger(value)) return `must be an integer, got ${got}`;
  if (options.min !== undefined && !(value >= options.min))
    return `must be >= ${options.min}, got ${got}`;
  if (options.gt !== undefined && !(value > options.gt))
    return `must be > ${options.gt}, got ${got}`;
  if (options.max !== undefined && !(value <= options.max))
    return `must be <= ${options.max}, got ${got}`;
  if (options.lt !== undefined && !(value < options.lt))
    return `must be < ${options.lt}, got ${got}`;
  return undefined;
}
