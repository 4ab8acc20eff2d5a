/** `spikelab schema`: prints the network document's JSON Schema (the published file's source). */
import { toJsonSchema } from '../../model/json-schema.ts';
import { EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { positionals } from '../option-values.ts';

export const schemaCommand: Command = {
  name: 'schema',
  summary: "print the network document's JSON Schema",
  usage: 'spikelab schema > public/schema/network.schema.json',
  options: [],
  details: [
    'Prints a JSON Schema (draft 2020-12) of the current document version, generated from the',
    'same declaration the validator uses: every field, its type and bounds. The rules across',
    'fields (ids exist, sizes agree, rates per step) are only in `spikelab validate`.',
    '',
    'The page serves the generated file at /schema/network.schema.json; regenerate it with',
    '`npx spikelab schema > public/schema/network.schema.json && npx prettier --write public/schema`.',
    '',
    'Exit status: 0.',
  ].join('\n'),
  run: (args, io) => {
    positionals(args, [], 'schema');
    io.stdout(`${JSON.stringify(toJsonSchema(), null, 2)}\n`);
    return Promise.resolve(EXIT.ok);
  },
};
