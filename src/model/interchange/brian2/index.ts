/**
 * Brian2 export (issue 11): a network document -> a readable Python script that builds the
 * same network in Brian2 (or, for Loihi populations, brian2-loihi), runs it and writes what
 * the probes record in `spikelab run`'s JSON layout. See `CONTEXT.md` beside this file.
 */
import type { NetworkDocument } from '../../document.ts';
import { classicBody } from './classic-script.ts';
import type { CompiledNetwork } from './compiled.ts';
import { loihiBody } from './loihi.ts';
import { header, runAndWrite, setup } from './prelude.ts';
import { brian2Refusals, isLoihiDocument, type Brian2Refusal } from './refusals.ts';

export type { CompiledNetwork } from './compiled.ts';
export { brian2Refusals, isLoihiDocument, type Brian2Refusal } from './refusals.ts';

/** The document holds something the script cannot express; `refusals` says what. */
export class Brian2ExportError extends Error {
  constructor(readonly refusals: readonly Brian2Refusal[]) {
    super(
      `the network cannot be exported to Brian2 exactly:\n${refusals.map((r) => `  ${r.path}: ${r.message}`).join('\n')}`,
    );
    this.name = 'Brian2ExportError';
  }
}

export interface Brian2ExportOptions {
  /** The exporter's version, stamped into the script (package.json's). */
  version: string;
  /** The script runs cpp_standalone unless given --numpy (default: numpy unless --standalone). */
  standalone?: boolean;
}

/**
 * The Brian2 script of a validated document. `compiled` is `compile(doc)` of
 * `src/engine/compile`: its connectivity, weights, delays, initial values and generator
 * schedules are written into the script, so Brian2 simulates the very synapses Spikelab drew.
 * Throws `Brian2ExportError` listing every part Brian2 cannot run as Spikelab does.
 *
 * @example
 * const script = exportBrian2(doc, compile(doc), { version: '0.1.0' });
 * // python3 net.py out.json  -> out.json in `spikelab run`'s layout
 */
export function exportBrian2(
  doc: NetworkDocument,
  compiled: CompiledNetwork,
  options: Brian2ExportOptions,
): string {
  const refusals = brian2Refusals(doc);
  if (refusals.length > 0) throw new Brian2ExportError(refusals);
  const loihi = isLoihiDocument(doc);
  const prelude = {
    version: options.version,
    loihi,
    standalone: options.standalone === true && !loihi,
  };
  const body = loihi ? loihiBody(doc, compiled) : classicBody(doc, compiled);
  return [
    header(doc, prelude),
    setup(doc, prelude),
    ...body.sections.map((s) => `${s}\n`),
    runAndWrite(doc, body.objects, body.output, prelude),
  ].join('\n');
}

/** The file name of a network's script: its name in snake case, `.py`. */
export function brian2FileName(doc: NetworkDocument): string {
  const stem = doc.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${stem === '' ? 'network' : stem}.py`;
}
