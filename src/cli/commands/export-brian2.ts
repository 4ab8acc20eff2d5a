/**
 * `spikelab export-brian2`: writes a network as a Brian2 (or brian2-loihi) Python script that
 * builds the same network with Spikelab's drawn synapses and initial values, runs it and writes
 * the probes' recording in `spikelab run`'s JSON layout (`src/model/interchange/brian2`).
 */
import { resolve } from 'node:path';
import { compile } from '../../engine/compile/index.ts';
import { Brian2ExportError, exportBrian2 } from '../../model/interchange/brian2/index.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { loadDocument } from '../load-document.ts';
import { groupDigits } from '../numbers.ts';
import { flag, positionals, text } from '../option-values.ts';
import { spikelabVersion } from '../version.ts';

export const exportBrian2Command: Command = {
  name: 'export-brian2',
  summary: 'write the network as a Brian2 Python script that runs it and writes run JSON',
  usage: 'spikelab export-brian2 NETWORK.json [--out FILE.py] [--standalone]',
  options: [
    { name: 'out', valueName: 'FILE', help: 'write the script to FILE instead of stdout' },
    {
      name: 'standalone',
      isSwitch: true,
      help: "the script runs Brian2's cpp_standalone device by default (else numpy)",
    },
  ],
  details: [
    "The script embeds the document's drawn connectivity, weights, delays, initial values and",
    'spike-generator schedules (not re-drawn) and integrates as Spikelab steps (forward Euler,',
    'currents decaying after the threshold, delivery before the reset). Run it with',
    '`python3 FILE.py [OUT.json] [--standalone | --numpy]`: Brian2 numpy target, or cpp_standalone',
    'with --standalone (the default of a script exported with --standalone, --numpy then chooses',
    'numpy); it writes {meta, spikes, traces, synapses, rates} as `spikelab run` does.',
    'Networks with Loihi populations become brian2-loihi scripts (LoihiNetwork, LoihiNeuronGroup,',
    'LoihiSynapses, LoihiSpikeGeneratorGroup). Models Brian2 cannot run as Spikelab does',
    '(DynapSim, SC layers, fixed-point LIF, plasticity other than STDP, short-term and',
    'structural plasticity) are refused with one line per part.',
    '',
    'Exit status: 0 written; 2 bad command line, invalid document or refused; 1 FILE could not',
    'be written.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'export-brian2');
    const out = text(args, 'out');
    const doc = await loadDocument(path, io.cwd);
    let script: string;
    try {
      script = exportBrian2(doc, compile(doc), {
        version: spikelabVersion(),
        standalone: flag(args, 'standalone'),
      });
    } catch (error) {
      if (error instanceof Brian2ExportError)
        throw new CliError(`'${path}': ${error.message}`, EXIT.usage);
      throw error;
    }
    if (out === undefined) {
      io.stdout(script);
      return EXIT.ok;
    }
    try {
      await io.writeFile(resolve(io.cwd, out), script);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`cannot write '${out}': ${reason}`, EXIT.runFailed);
    }
    io.stderr(
      `spikelab: wrote ${out} (${groupDigits(Buffer.byteLength(script))} bytes); run: python3 ${out} [OUT.json]\n`,
    );
    return EXIT.ok;
  },
};
