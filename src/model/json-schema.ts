/**
 * The document's JSON Schema, derived from the same declaration the validator uses, for editors
 * and other tools. It says everything about shape and per-field bounds; the cross-reference
 * rules (ids exist, sizes agree) are beyond JSON Schema and live only in the validator.
 */
import { documentSchema } from './document-schema/index.ts';
import { DOCUMENT_VERSION } from './document.ts';
import type { JsonObject } from './schema/types.ts';

/**
 * A JSON Schema (draft 2020-12) of the current document version.
 *
 * @example JSON.stringify(toJsonSchema(), null, 2) // write next to the examples
 */
export function toJsonSchema(): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    // A name, not a place: the page serves the file at /schema/network.schema.json.
    $id: `urn:spikelab:schema:network:v${DOCUMENT_VERSION}`,
    title: `Spikelab network document, format version ${DOCUMENT_VERSION}`,
    ...documentSchema.jsonSchema(),
  };
}
