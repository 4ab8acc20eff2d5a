/** `spikelab validate`: checks a document against the schema without running it. */
import { EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { loadDocument } from '../load-document.ts';
import { positionals } from '../option-values.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a network document and list its problems',
  usage: 'spikelab validate NETWORK.json',
  options: [],
  details: [
    'Prints "ok" when the document is valid. Otherwise prints one "path: message" line per',
    'problem on stderr, e.g. "populations[2].params.tau_mem: must be > 0, got -5".',
    '',
    'Exit status: 0 valid; 2 unreadable file, invalid JSON or invalid document.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'validate');
    await loadDocument(path, io.cwd);
    io.stdout('ok\n');
    return EXIT.ok;
  },
};
