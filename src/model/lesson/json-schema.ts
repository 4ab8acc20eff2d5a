/**
 * The lesson file's JSON Schema, derived from the declaration the validator uses, for editors
 * (VS Code reads `$schema`) and teachers writing lessons by hand. Written next to the built-in
 * lessons as `public/lessons/lesson.schema.json`; a unit test keeps that file current.
 */
import type { JsonObject } from '../schema/index.ts';
import { checkSchema, lessonSchema } from './schema.ts';

/**
 * A JSON Schema (draft 2020-12) of a lesson file.
 *
 * @example JSON.stringify(lessonJsonSchema(), null, 2) // public/lessons/lesson.schema.json
 */
export function lessonJsonSchema(): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Spikelab lesson',
    ...lessonSchema.jsonSchema(),
    $defs: { check: checkSchema.jsonSchema() },
  };
}
