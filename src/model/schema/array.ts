/**
 * Arrays whose every element is checked, so one bad element does not hide the next.
 */
import { describeValue } from './describe-value.ts';
import { indexPath, report } from './path.ts';
import type { JsonObject, Schema } from './types.ts';
import { INVALID } from './types.ts';

/**
 * An array of `item`. Every element is checked; the result is INVALID if any element is.
 *
 * @example array(number({ integer: true, min: 0 }))
 */
export function array<T>(item: Schema<T>, options: { description?: string } = {}): Schema<T[]> {
  return {
    parse(value, path, issues) {
      if (!Array.isArray(value)) {
        report(issues, path, `must be an array, got ${describeValue(value)}`);
        return INVALID;
      }
      const out: T[] = [];
      let ok = true;
      // An indexed loop, not forEach: holes in a sparse array must be seen (and refused).
      for (let i = 0; i < value.length; i++) {
        const parsed = item.parse(value[i] as unknown, indexPath(path, i), issues);
        if (parsed === INVALID) ok = false;
        else out.push(parsed);
      }
      return ok ? out : INVALID;
    },
    jsonSchema() {
      const out: JsonObject = { type: 'array', items: item.jsonSchema() };
      if (options.description !== undefined) out.description = options.description;
      return out;
    },
  };
}
