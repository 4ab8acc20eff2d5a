/**
 * `spikelab export-nir`: writes a network document as a NIR graph (`.nir`, HDF5) and prints the
 * mapping report, including everything NIR cannot express. The mapping is
 * `src/model/interchange/nir/export.ts`; this file only does I/O.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compile } from '../../engine/compile/index.ts';
import { writeNirFile } from '../../model/interchange/nir/graph.ts';
import { exportNir } from '../../model/interchange/nir/export.ts';
import { formatNirReport } from '../../model/interchange/nir/report.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { loadDocument } from '../load-document.ts';
import { positionals, text } from '../option-values.ts';

export const exportNirCommand: Command = {
  name: 'export-nir',
  summary: 'write the network as a NIR graph (.nir), with the mapping report',
  usage: 'spikelab export-nir NETWORK.json --out FILE.nir',
  options: [{ name: 'out', valueName: 'FILE.nir', help: 'the NIR file to write' }],
  details: [
    'nir_neuron populations become their NIR type (times in seconds), stochastic_lif without',
    'noise or refractoriness a LIF (euler semantics), spike sources Input nodes, projections',
    'Linear/Affine, Scale, Conv and pool nodes (with Flatten and Delay where needed), probes',
    'Output nodes. The report on stdout lists how each was mapped and everything NIR cannot',
    'express (noise, refractory periods, plasticity, stimuli, chip models). Random connectivity,',
    'weights and delays are written as drawn with the run seed.',
    '',
    'Exit status: 0 written (possibly with parts left out, listed in the report); 2 bad',
    'command line or invalid document; 1 the file could not be written.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'export-nir');
    const out = text(args, 'out');
    if (out === undefined) throw new CliError('export-nir needs --out FILE.nir');
    const doc = await loadDocument(path, io.cwd);
    // The plan holds compile's draws (random connectivity, weights, delays): exported as drawn.
    const { graph, report } = exportNir(doc, { drawn: compile(doc) });
    const bytes = await writeNirFile(graph);
    try {
      await writeFile(resolve(io.cwd, out), bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`cannot write '${out}': ${reason}`, EXIT.runFailed);
    }
    io.stdout(formatNirReport(report, `NIR export of ${path} (${bytes.length} bytes to ${out})`));
    return EXIT.ok;
  },
};
