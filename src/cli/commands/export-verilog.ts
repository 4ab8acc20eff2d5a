/**
 * `spikelab export-verilog`: writes a self-contained Verilog export of a network (the core's
 * RTL from `hdl/`, the network's memory images, `tb_top.v`, a README and the Vivado files)
 * into a directory, via the pure generator of `src/hdl`.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { validateDocument } from '../../model/index.ts';
import { PYNQ_Z2_BRAM_BITS } from '../../hdl/core-capacity.ts';
import {
  CapacityError,
  ExportRefusedError,
  exportVerilog,
  type VerilogExport,
} from '../../hdl/export-verilog.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { readCoreRtl } from '../core-rtl.ts';
import { invalidDocument, loadDocument } from '../load-document.ts';
import { groupDigits } from '../numbers.ts';
import { integer, positionals, text } from '../option-values.ts';
import { spikelabVersion } from '../version.ts';

export const exportVerilogCommand: Command = {
  name: 'export-verilog',
  summary: 'write the network as Verilog for the FPGA core (RTL, memory images, testbench)',
  usage: 'spikelab export-verilog NETWORK.json --out DIR [--seed S]',
  options: [
    { name: 'out', valueName: 'DIR', help: 'directory to write (created if missing)' },
    {
      name: 'seed',
      valueName: 'S',
      help: "unsigned 32-bit seed (default: the document's run.seed)",
    },
  ],
  details: [
    'DIR gets the core (spikelab_core.v and its modules), the network as $readmemh images',
    '(*.hex), tb_top.v, README.md and vivado/ (PYNQ-Z2 board top, constraints, build.tcl).',
    'In DIR, `iverilog -g2012 -o sim *.v && vvp sim` writes spikes.csv (step,population,index):',
    "the spikes of `spikelab run` for the same document and seed. Every file's header names",
    "the document's sha256 and the generator version; the same document gives the same files.",
    'Populations must be fixed_point_lif, poisson or spike_generator; anything else is refused',
    'with one line per population or projection saying what to convert it to.',
    '',
    'Exit status: 0 written; 2 bad command line, invalid document, refused or too big for a',
    'PYNQ-Z2; 1 DIR could not be written.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'export-verilog');
    const out = text(args, 'out');
    if (out === undefined) throw new CliError('export-verilog needs --out DIR');
    const seed = integer(args, 'seed', 0, 2 ** 32 - 1);
    let doc = await loadDocument(path, io.cwd);
    if (seed !== undefined) {
      const result = validateDocument({ ...doc, run: { ...doc.run, seed } });
      if (!result.ok) throw invalidDocument(`'${path}' with --seed ${seed}`, result.issues);
      doc = result.document;
    }
    let exported: VerilogExport;
    try {
      exported = exportVerilog(doc, { rtl: readCoreRtl(), version: spikelabVersion() });
    } catch (error) {
      if (error instanceof ExportRefusedError || error instanceof CapacityError) {
        throw new CliError(error.message, EXIT.usage);
      }
      throw error;
    }
    const dir = resolve(io.cwd, out);
    let bytes = 0;
    try {
      for (const file of exported.files) {
        const target = resolve(dir, file.path);
        await mkdir(dirname(target), { recursive: true });
        await io.writeFile(target, file.text);
        bytes += Buffer.byteLength(file.text);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`cannot write into '${out}': ${reason}`, EXIT.runFailed);
    }
    const c = exported.capacity;
    io.stderr(
      `spikelab: wrote ${exported.files.length} files (${groupDigits(bytes)} bytes) to ${out}: ` +
        `${exported.files.map((f) => f.path).join(', ')}\n` +
        `  capacity: ${c.NMAX} neurons, ${c.SYNMAX} synapses, ${c.POPMAX} populations, ` +
        `${c.PRJMAX} projections, ${c.CHMAX} currents per population, delays up to ` +
        `${c.DMAX - 1} steps; memory ${groupDigits(exported.memoryBits)} of ` +
        `${groupDigits(PYNQ_Z2_BRAM_BITS)} bits (PYNQ-Z2)\n` +
        `  document sha256 ${exported.hash}; run: cd ${out} && iverilog -g2012 -o sim *.v && vvp sim\n`,
    );
    return EXIT.ok;
  },
};
