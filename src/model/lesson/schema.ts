/**
 * The ONE declaration of a lesson file's shape, built from the document's schema combinators
 * (`src/model/schema/`), so a lesson is validated and described (JSON Schema) the way a network
 * document is, with the same `path: reason` messages. Rules across fields (a step's network is
 * an example or a document, not both; ranges are non-empty) are in `validate.ts`.
 */
import { POPULATION_MODELS, type NetworkDocument } from '../document.ts';
import { formatIssue } from '../validation-issue.ts';
import {
  array,
  boolean,
  enumeration,
  INVALID,
  literal,
  number,
  object,
  optional,
  string,
  taggedUnion,
  withDefault,
  isRecord,
  describeValue,
  report,
  type Infer,
  type Schema,
} from '../schema/index.ts';
import { policySchema } from '../classroom/policy-schema.ts';
import { validateDocument } from '../validate.ts';
import type { Lesson, LessonCheck } from './types.ts';

export const LESSON_FORMAT = 'spikelab-lesson';

/** Lesson and step ids: what a URL (`#/lesson/<id>/<step>`) can carry unescaped. */
const ID = /^[a-z0-9][a-z0-9-]*$/;

const id: Schema<string> = {
  parse(value, path, issues) {
    if (typeof value !== 'string' || !ID.test(value)) {
      report(
        issues,
        path,
        `must be lowercase letters, digits and dashes, got ${describeValue(value)}`,
      );
      return INVALID;
    }
    return value;
  },
  jsonSchema: () => ({ type: 'string', pattern: ID.source }),
};

/** An inline network document: the network document's own validator, its issues nested here. */
const networkDocument: Schema<NetworkDocument> = {
  parse(value, path, issues) {
    if (!isRecord(value)) {
      report(issues, path, `must be a network document object, got ${describeValue(value)}`);
      return INVALID;
    }
    const result = validateDocument(value);
    if (result.ok) return result.document;
    for (const issue of result.issues) {
      report(issues, path, `is not a valid network: ${formatIssue(issue)}`);
    }
    return INVALID;
  },
  jsonSchema: () => ({
    type: 'object',
    description: 'A Spikelab network document (format "spikelab-network"; see its own schema).',
  }),
};

/** A check inside `all`: the same union, referenced, since JSON Schema cannot nest it forever. */
const checkRef: Schema<LessonCheck> = {
  parse: (value, path, issues) => checkSchema.parse(value, path, issues),
  jsonSchema: () => ({ $ref: '#/$defs/check' }),
};

const sign = enumeration(['excitatory', 'inhibitory'] as const);

export const checkSchema: Schema<LessonCheck> = taggedUnion('kind', {
  ran: object({ kind: literal('ran') }),
  rate: object({
    kind: literal('rate'),
    population: string({ minLength: 1 }),
    min_hz: number({ min: 0 }),
    max_hz: number({ min: 0 }),
  }),
  projection: object({
    kind: literal('projection'),
    from: string({ minLength: 1 }),
    to: string({ minLength: 1 }),
    sign: optional(sign),
  }),
  param: object({
    kind: literal('param'),
    path: string({ minLength: 1 }),
    min: number(),
    max: number(),
  }),
  model: object({
    kind: literal('model'),
    model: enumeration(POPULATION_MODELS),
    population: optional(string({ minLength: 1 })),
  }),
  board: object({ kind: literal('board') }),
  all: object({ kind: literal('all'), checks: array(checkRef) }),
});

const controlSchema = object({
  path: string({ minLength: 1 }),
  min: number(),
  max: number(),
  step: optional(number({ gt: 0 })),
  label: optional(string({ minLength: 1 })),
});

const networkSchema = object({
  example: optional(string({ minLength: 1, description: 'a file of public/examples/' })),
  document: optional(networkDocument),
});

const stepSchema = object({
  title: string({ minLength: 1 }),
  text: string({ minLength: 1 }),
  network: optional(networkSchema),
  controls: withDefault(array(controlSchema), []),
  policy: withDefault(policySchema, { hidden: [], locked: [], ranges: {} }),
  highlight: optional(string({ minLength: 1 })),
  check: checkRef,
  done_text: optional(string({ minLength: 1 })),
});

export const lessonSchema = object({
  $schema: optional(string()),
  format: literal(LESSON_FORMAT),
  id,
  title: string({ minLength: 1 }),
  summary: string({ minLength: 1 }),
  allow_skip: withDefault(boolean(), false),
  steps: array(stepSchema),
});

// Compile-time proof that the schema and the hand-written types in types.ts agree both ways.
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const LESSON_SCHEMA_MATCHES_TYPES: Agrees<Infer<typeof lessonSchema>, Lesson> = true;
