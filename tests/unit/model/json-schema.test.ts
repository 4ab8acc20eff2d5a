import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../src/model/document-schema/index.ts';
import { POPULATION_MODELS, toJsonSchema } from '../../../src/model/index.ts';
import type { ValidationIssue } from '../../../src/model/index.ts';
import { INVALID } from '../../../src/model/schema/index.ts';
import type { JsonObject, JsonValue } from '../../../src/model/schema/index.ts';
import { looseDocument, scDocument, setIn } from './helpers.ts';
import { mutate, rng } from './random-values.ts';

/**
 * A second, independent reading of the exported schema: an interpreter of exactly the JSON
 * Schema keywords the export uses. If the export said something the validator does not (or
 * the reverse), the two would disagree on some document below.
 */
function accepts(schema: JsonValue | undefined, value: unknown): boolean {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    throw new Error('bad schema');
  const s = schema;
  if ('oneOf' in s) {
    const options = s.oneOf as JsonValue[];
    return options.filter((o) => accepts(o, value)).length === 1;
  }
  if ('const' in s) return value === s.const;
  const type = typeof s.type === 'string' ? s.type : '';
  switch (type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      // JSON has no undefined: a key holding it is absent once serialised, so treat it so here.
      const record = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
      const properties = s.properties as JsonObject;
      if (!(s.required as string[]).every((k) => Object.hasOwn(record, k))) return false;
      return Object.entries(record).every(
        ([k, v]) => Object.hasOwn(properties, k) && accepts(properties[k], v),
      );
    }
    case 'array':
      // Array.from turns holes into undefined, which every() alone would skip.
      return Array.isArray(value) && Array.from(value).every((v) => accepts(s.items, v));
    case 'string':
      if (typeof value !== 'string') return false;
      if (typeof s.minLength === 'number' && value.length < s.minLength) return false;
      return !Array.isArray(s.enum) || s.enum.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (type === 'integer' && !Number.isInteger(value)) return false;
      if (typeof s.minimum === 'number' && value < s.minimum) return false;
      if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return false;
      if (typeof s.maximum === 'number' && value > s.maximum) return false;
      if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return false;
      return true;
    default:
      throw new Error(`keyword the interpreter does not know: ${JSON.stringify(s)}`);
  }
}

/** Does the validator's shape stage accept it? Cross-references are beyond JSON Schema's reach. */
function shapeValid(value: unknown): boolean {
  const issues: ValidationIssue[] = [];
  return documentSchema.parse(value, '', issues) !== INVALID && issues.length === 0;
}

/** JSON.stringify for failure messages, tolerant of the bigints the fuzzer plants. */
function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

const schema = toJsonSchema();
const examples = (
  JSON.parse(
    readFileSync(new URL('../../../public/examples/index.json', import.meta.url), 'utf8'),
  ) as { file: string }[]
).map(
  (e) =>
    JSON.parse(
      readFileSync(new URL(`../../../public/examples/${e.file}`, import.meta.url), 'utf8'),
    ) as unknown,
);

describe('JSON Schema export', () => {
  it('is a draft 2020-12 object schema with the document’s top-level fields', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'version', 'name', 'populations', 'run']);
    expect(Object.keys(schema.properties as JsonObject)).toEqual([
      'format',
      'version',
      'name',
      'description',
      'populations',
      'projections',
      'stimuli',
      'probes',
      'run',
      'live',
    ]);
    expect((schema.properties as JsonObject).format).toEqual({ const: 'spikelab-network' });
    expect((schema.properties as JsonObject).probes).toMatchObject({ type: 'array', default: [] });
  });

  it('has one population variant per model, tagged by a const', () => {
    const populations = (schema.properties as JsonObject).populations as JsonObject;
    const variants = (populations.items as JsonObject).oneOf as JsonObject[];
    expect(variants.map((v) => (v.properties as JsonObject).model)).toEqual(
      POPULATION_MODELS.map((m) => ({ const: m })),
    );
    const lif = variants[0]!.properties as JsonObject;
    const params = lif.params as JsonObject;
    expect((params.properties as JsonObject).tau_mem).toMatchObject({
      type: 'number',
      exclusiveMinimum: 0,
    });
    expect((params.properties as JsonObject).noise_std).toEqual({
      type: 'number',
      minimum: 0,
      default: 0,
    });
    expect(lif.size).toEqual({ type: 'integer', minimum: 1, maximum: 10_000_000 });
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('accepts every example', () => {
    for (const example of examples) expect(accepts(schema, example)).toBe(true);
  });

  it('agrees with the validator’s shape stage on damaged documents', () => {
    const next = rng(21);
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const doc = looseDocument();
      mutate(doc, next);
      const bySchema = accepts(schema, doc);
      expect(bySchema, show(doc)).toBe(shapeValid(doc));
      if (!bySchema) rejected++;
    }
    expect(rejected).toBeGreaterThan(500);
  });

  it('agrees with the validator’s shape stage on damaged sc_dense documents', () => {
    const next = rng(22);
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const doc = JSON.parse(JSON.stringify(scDocument())) as Record<string, unknown>;
      mutate(doc, next);
      const bySchema = accepts(schema, doc);
      expect(bySchema, show(doc)).toBe(shapeValid(doc));
      if (!bySchema) rejected++;
    }
    expect(rejected).toBeGreaterThan(500);
  });

  it('agrees with the validator’s shape stage on damaged loihi documents', () => {
    const loihi = readFileSync(
      new URL('../../../public/examples/loihi.json', import.meta.url),
      'utf8',
    );
    const next = rng(23);
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const doc = JSON.parse(loihi) as Record<string, unknown>;
      mutate(doc, next);
      const bySchema = accepts(schema, doc);
      expect(bySchema, show(doc)).toBe(shapeValid(doc));
      if (!bySchema) rejected++;
    }
    expect(rejected).toBeGreaterThan(500);
  });

  it('agrees with the validator’s shape stage on damaged dynapsim documents', () => {
    const dynapsim = readFileSync(
      new URL('../../../public/examples/dynapsim.json', import.meta.url),
      'utf8',
    );
    const next = rng(29);
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const doc = JSON.parse(dynapsim) as Record<string, unknown>;
      mutate(doc, next);
      const bySchema = accepts(schema, doc);
      expect(bySchema, show(doc)).toBe(shapeValid(doc));
      if (!bySchema) rejected++;
    }
    expect(rejected).toBeGreaterThan(500);
  });

  it('states the sc_dense bounds: integer length up to 2^24, uint32 seed, inputs by kind', () => {
    const populations = (schema.properties as JsonObject).populations as JsonObject;
    const variants = (populations.items as JsonObject).oneOf as JsonObject[];
    const sc = variants.find(
      (v) => ((v.properties as JsonObject).model as JsonObject).const === 'sc_dense',
    );
    const params = (sc?.properties as JsonObject).params as JsonObject;
    const props = params.properties as JsonObject;
    expect(props.length).toMatchObject({ type: 'integer', minimum: 1, maximum: 2 ** 24 });
    expect(props.base_seed).toMatchObject({
      type: 'integer',
      minimum: 0,
      exclusiveMaximum: 2 ** 32,
    });
    expect(props.scaling).toEqual({ type: 'string', enum: ['sum', 'mean'], default: 'sum' });
    const kinds = ((props.inputs as JsonObject).oneOf as JsonObject[]).map(
      (v) => ((v.properties as JsonObject).kind as JsonObject).const,
    );
    expect(kinds).toEqual(['constant', 'rates']);
    expect(accepts(schema, scDocument())).toBe(true);
  });

  it('rejects the documented examples of bad fields', () => {
    const doc = looseDocument();
    setIn(doc, ['populations', 1, 'params', 'tau_mem'], -5);
    expect(accepts(schema, doc)).toBe(false);
  });
});
