/**
 * `spikelab quantise`: converts a document's float LIF populations to fixed_point_lif for the
 * hardware (`src/hdl/quantise-for-hardware.ts`) and prints what it chose and dropped.
 */
import { resolve } from 'node:path';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { loadDocument } from '../load-document.ts';
import { integer, positionals, text } from '../option-values.ts';
import {
  DEFAULT_TOTAL_BITS,
  MAX_TOTAL_BITS,
  MIN_TOTAL_BITS,
  quantiseForHardware,
} from '../../hdl/quantise-for-hardware.ts';
import { formatQuantiseReport } from '../../hdl/quantise-report.ts';

export const quantiseCommand: Command = {
  name: 'quantise',
  summary: 'convert float LIF populations to fixed_point_lif for the hardware',
  usage: 'spikelab quantise NETWORK.json [--out FILE] [--bits N]',
  options: [
    { name: 'out', valueName: 'FILE', help: 'write the converted document to FILE' },
    {
      name: 'bits',
      valueName: 'N',
      help: `total bits W of V and the currents, ${MIN_TOTAL_BITS}..${MAX_TOTAL_BITS} (default ${DEFAULT_TOTAL_BITS})`,
    },
  ],
  details: [
    'Every stochastic_lif population becomes a fixed_point_lif with the same potentials, time',
    'constant, resistance, refractory period, bias and initial V. Per population the fraction',
    'bits F are the most that keep every value (and V one input past its range) inside W bits,',
    'the scale bits S the fewest that round the leak, gain and current decays within 2^-11.',
    'Noise is dropped (the hardware has none); delta weights are rescaled to move V as before.',
    'A LIF with a plastic projection onto it stays float.',
    '',
    'With --out the report goes to stdout; without, the document goes to stdout and the',
    'report to stderr. The report lists W/F/S and the V step per population, what was',
    'dropped, and what still cannot go to hardware.',
    '',
    'Exit status: 0 converted; 2 unreadable file, invalid document or bad option.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'quantise');
    const totalBits = integer(args, 'bits', MIN_TOTAL_BITS, MAX_TOTAL_BITS) ?? DEFAULT_TOTAL_BITS;
    const out = text(args, 'out');
    const doc = await loadDocument(path, io.cwd);
    const { document, report } = quantiseForHardware(doc, { totalBits });
    const body = `${JSON.stringify(document, null, 2)}\n`;
    const lines = `${formatQuantiseReport(report).join('\n')}\n`;
    if (out === undefined) {
      io.stdout(body);
      io.stderr(lines);
      return EXIT.ok;
    }
    await io.writeFile(resolve(io.cwd, out), body).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`cannot write '${out}': ${reason}`, EXIT.usage);
    });
    io.stdout(lines);
    return EXIT.ok;
  },
};
