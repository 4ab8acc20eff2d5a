/**
 * Objects with a fixed set of fields: required, optional, or filled with a default. Unknown
 * fields are refused, because in a hand-edited file they are nearly always typos
 * (`tau` for `tau_mem`) that would otherwise be silently ignored.
 */
import { describeValue, isRecord } from './describe-value.ts';
import { fieldPath, report } from './path.ts';
import type { JsonObject, JsonValue, Parsed, Schema } from './types.ts';
import { INVALID } from './types.ts';

/** A field that may be absent; the output then lacks it. */
export interface OptionalField<T> {
  readonly presence: 'optional';
  readonly schema: Schema<T>;
}

/** A field that may be absent; the output then holds a copy of `value`. */
export interface DefaultedField<T> {
  readonly presence: 'default';
  readonly schema: Schema<T>;
  readonly value: T;
}

type FieldSpec = Schema<unknown> | OptionalField<unknown> | DefaultedField<unknown>;
export type Shape = Record<string, FieldSpec>;

type FieldType<F> =
  F extends Schema<infer T>
    ? T
    : F extends OptionalField<infer T>
      ? T
      : F extends DefaultedField<infer T>
        ? T
        : never;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalField<unknown> ? K : never;
}[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The type an object schema of shape S produces. */
export type ObjectOf<S extends Shape> = Flatten<
  { [K in RequiredKeys<S>]: FieldType<S[K]> } & { [K in OptionalKeys<S>]?: FieldType<S[K]> }
>;

/**
 * A field that may be left out.
 *
 * @example object({ label: optional(string()) })
 */
export function optional<T>(schema: Schema<T>): OptionalField<T> {
  return { presence: 'optional', schema };
}

/**
 * A field that may be left out and then takes `value` (copied, so documents never share it).
 *
 * @example object({ backend: withDefault(enumeration(['auto', 'cpu']), 'auto') })
 */
export function withDefault<T>(schema: Schema<T>, value: T): DefaultedField<T> {
  return { presence: 'default', schema, value };
}

function isSchema(field: FieldSpec): field is Schema<unknown> {
  return !('presence' in field);
}

/**
 * An object with exactly the fields of `shape`. Reports every missing required field, every
 * bad field and every unknown field; produces a fresh object with the shape's key order.
 *
 * @example object({ x: number(), y: number() })
 */
export function object<S extends Shape>(
  shape: S,
  options: { description?: string } = {},
): Schema<ObjectOf<S>> {
  return {
    parse(value, path, issues) {
      if (!isRecord(value)) {
        report(issues, path, `must be an object, got ${describeValue(value)}`);
        return INVALID;
      }
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [key, field] of Object.entries(shape)) {
        const at = fieldPath(path, key);
        // Own properties only: a key like "constructor" must not be read from the prototype.
        const present = Object.hasOwn(value, key) && value[key] !== undefined;
        if (!present) {
          if (isSchema(field)) {
            report(issues, at, 'required field is missing');
            ok = false;
          } else if (field.presence === 'default') {
            out[key] = structuredClone(field.value);
          }
          continue;
        }
        const schema = isSchema(field) ? field : field.schema;
        const parsed: Parsed<unknown> = schema.parse(value[key], at, issues);
        if (parsed === INVALID) ok = false;
        else out[key] = parsed;
      }
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(shape, key)) {
          report(issues, fieldPath(path, key), 'unknown field');
          ok = false;
        }
      }
      // The loop above built `out` field by field from `shape`, which is what ObjectOf<S> says.
      return ok ? (out as ObjectOf<S>) : INVALID;
    },
    jsonSchema() {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        if (isSchema(field)) {
          properties[key] = field.jsonSchema();
          required.push(key);
        } else if (field.presence === 'default') {
          // Defaults are literals written in the schema declaration, plain JSON data by construction.
          properties[key] = { ...field.schema.jsonSchema(), default: field.value as JsonValue };
        } else {
          properties[key] = field.schema.jsonSchema();
        }
      }
      const out: JsonObject = { type: 'object', properties, required, additionalProperties: false };
      if (options.description !== undefined) out.description = options.description;
      return out;
    },
  };
}
