/**
 * Tagged unions: the tag field (`model`, `kind`, `rule`) picks the variant, and the variant's
 * own object schema checks the rest. Choosing by tag first keeps messages precise: a LIF
 * population with a bad `tau_mem` is told about `tau_mem`, not that it "matches no variant".
 */
import { describeValue, isRecord } from './describe-value.ts';
import { fieldPath, report } from './path.ts';
import type { Infer, Parsed, Schema } from './types.ts';
import { INVALID } from './types.ts';

/**
 * A union of object schemas told apart by the string field `tag`. Each variant must itself
 * declare `tag` as `literal(name)`, so its output carries the tag.
 *
 * @example taggedUnion('kind', { constant: object({ kind: literal('constant'), value: number() }) })
 */
export function taggedUnion<const V extends Record<string, Schema<unknown>>>(
  tag: string,
  variants: V,
): Schema<Infer<V[keyof V]>> {
  const names = Object.keys(variants);
  return {
    parse(value, path, issues) {
      if (!isRecord(value)) {
        report(issues, path, `must be an object, got ${describeValue(value)}`);
        return INVALID;
      }
      const at = fieldPath(path, tag);
      const name = Object.hasOwn(value, tag) ? value[tag] : undefined;
      if (name === undefined) {
        report(issues, at, `required field is missing; must be one of ${names.join(', ')}`);
        return INVALID;
      }
      const variant =
        typeof name === 'string' && Object.hasOwn(variants, name) ? variants[name] : undefined;
      if (variant === undefined) {
        report(issues, at, `must be one of ${names.join(', ')}, got ${describeValue(name)}`);
        return INVALID;
      }
      // The variant declares `tag` as literal(name), so what it produces is one of the union's members.
      return variant.parse(value, path, issues) as Parsed<Infer<V[keyof V]>>;
    },
    jsonSchema: () => ({ oneOf: names.map((name) => variants[name]?.jsonSchema() ?? {}) }),
  };
}
