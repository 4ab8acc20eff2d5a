/**
 * `spikelab import-nir`: reads a NIR graph (`.nir`, HDF5) and writes the network document it
 * maps to, with the mapping report (how each node and parameter became what, and what was not
 * imported). The mapping is `src/model/interchange/nir/import.ts`; this file only does I/O.
 */
import { NirFileError, readNirFile } from '../../model/interchange/nir/graph.ts';
import { importNir, NirImportError } from '../../model/interchange/nir/import.ts';
import { formatNirReport } from '../../model/interchange/nir/report.ts';
import { validateDocument } from '../../model/index.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { invalidDocument, readBytes } from '../load-document.ts';
import { choice, positionals, positiveNumber, text } from '../option-values.ts';
import { resolve } from 'node:path';

export const importNirCommand: Command = {
  name: 'import-nir',
  summary: 'map a NIR graph (.nir) to a network document, with the mapping report',
  usage:
    'spikelab import-nir FILE.nir --dt DT [--time-unit s|ms] [--discretisation exact|euler] [--out NET.json]',
  options: [
    {
      name: 'dt',
      valueName: 'DT',
      help: "integration step in NIR's time unit (e.g. 1e-3 for 1 ms)",
    },
    {
      name: 'time-unit',
      valueName: 'UNIT',
      help: "NIR's time unit: s (the standard, default) or ms",
    },
    {
      name: 'discretisation',
      valueName: 'KIND',
      help: 'exact (exponential integration, default) or euler (forward Euler, as snnTorch)',
    },
    { name: 'duration', valueName: 'MS', help: 'run length of the document, ms (default 100)' },
    { name: 'out', valueName: 'NET.json', help: 'write the document here (default: stdout)' },
  ],
  details: [
    'Neuron nodes become nir_neuron populations, Input nodes spike generators without spikes',
    '(attach your data), weight/Delay/Flatten chains projections, Output nodes probes. The report',
    'lists every node with each parameter as NIR had it, as Spikelab has it and the formula',
    '(e.g. leak = 1 - exp(-dt/tau_mem) = 0.0488), then what was not imported and why.',
    'With --out the report goes to stdout; without it the document goes to stdout and the',
    'report to stderr.',
    '',
    'Exit status: 0 imported (possibly with nodes left out, listed in the report); 2 bad',
    'command line, unreadable or invalid .nir file.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['FILE.nir'], 'import-nir');
    const dt = positiveNumber(args, 'dt');
    if (dt === undefined)
      throw new CliError("import-nir needs --dt (the step in NIR's time unit, e.g. 1e-3)");
    const timeUnit = choice(args, 'time-unit', ['s', 'ms'] as const) ?? 's';
    const discretisation = choice(args, 'discretisation', ['exact', 'euler'] as const) ?? 'exact';
    const duration = positiveNumber(args, 'duration');
    const bytes = await readBytes(path, io.cwd);
    let graph;
    try {
      graph = (await readNirFile(bytes)).graph;
    } catch (error) {
      if (error instanceof NirFileError) throw new CliError(`'${path}': ${error.message}`);
      throw error;
    }
    let imported;
    try {
      imported = importNir(graph, {
        dt,
        timeUnit,
        discretisation,
        ...(duration === undefined ? {} : { duration }),
      });
    } catch (error) {
      if (error instanceof NirImportError) throw new CliError(error.message);
      throw error;
    }
    const valid = validateDocument(imported.document);
    if (!valid.ok) throw invalidDocument(`the document imported from '${path}'`, valid.issues);
    const json = `${JSON.stringify(valid.document, null, 2)}\n`;
    const report = formatNirReport(imported.report, `NIR mapping of ${path}`);
    const out = text(args, 'out');
    if (out === undefined) {
      io.stdout(json);
      io.stderr(report);
      return EXIT.ok;
    }
    try {
      await io.writeFile(resolve(io.cwd, out), json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`cannot write '${out}': ${reason}`, EXIT.runFailed);
    }
    io.stdout(report);
    return EXIT.ok;
  },
};
