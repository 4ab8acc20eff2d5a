/**
 * `spikelab run`: simulates a network document and writes what its probes recorded as JSON
 * (or the spikes as CSV), with the simulation-loop time in `meta.wall_ms`.
 */
import { resolve } from 'node:path';
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import { BACKEND_CHOICES } from '../../model/document.ts';
import { validateDocument } from '../../model/index.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { invalidDocument, loadDocument } from '../load-document.ts';
import { choice, integer, positionals, positiveNumber, text } from '../option-values.ts';
import { groupDigits } from '../numbers.ts';
import { buildSpikeCsv } from '../run/csv-output.ts';
import { buildTraceCsv } from '../run/trace-csv.ts';
import { executeDocument } from '../run/execute.ts';
import { buildRunOutput } from '../run/json-output.ts';
import { writeNirData } from '../run/nir-data.ts';
import { createProgress } from '../run/progress.ts';
import { spikelabVersion } from '../version.ts';

/** Steps per chunk unless `--chunk` says otherwise: few calls, bounded recording memory. */
export const DEFAULT_CHUNK_STEPS = 5000;

export const runCommand: Command = {
  name: 'run',
  summary: 'simulate a network and write its spikes, traces and rates',
  usage: 'spikelab run NETWORK.json [options]',
  options: [
    {
      name: 'duration',
      valueName: 'MS',
      help: "simulated time in ms (default: the document's run.duration)",
    },
    { name: 'steps', valueName: 'N', help: 'simulate exactly N steps of dt instead of --duration' },
    {
      name: 'backend',
      valueName: 'NAME',
      help: `${BACKEND_CHOICES.join('|')} (default: the document's run.backend)`,
    },
    {
      name: 'seed',
      valueName: 'S',
      help: "unsigned 32-bit seed (default: the document's run.seed)",
    },
    {
      name: 'chunk',
      valueName: 'N',
      help: `steps per engine call (default ${DEFAULT_CHUNK_STEPS})`,
    },
    {
      name: 'out',
      valueName: 'FILE',
      help: 'write to FILE instead of stdout; FILE.csv selects CSV',
    },
    { name: 'format', valueName: 'FMT', help: 'json|csv (default: from --out, else json)' },
    {
      name: 'traces-out',
      valueName: 'FILE',
      help: 'also write the state and synapse traces as CSV to FILE',
    },
    {
      name: 'nir-data',
      valueName: 'FILE',
      help: 'also write the spikes and state traces as NIR graph data (HDF5, nir.read_data)',
    },
    {
      name: 'memory-budget',
      valueName: 'MIB',
      help: 'refuse networks needing more state (default 1024)',
    },
  ],
  details: [
    'JSON output: {"meta": {backend (as resolved, e.g. "wasm" or "gpu:webasm"), dt, steps,',
    '  wall_ms (simulation loop only), seed, network, spikelab_version, total_spikes},',
    ' "spikes": {POPULATION: {"t": [ms], "i": [index]}},',
    ' "traces": {PROBE: {"t": [ms], "neurons": [index], "values": [[value per t] per neuron]}},',
    ' "rates": {PROBE: {"t": [bin start, ms], "hz": [mean rate per neuron]}}}',
    'A spike at step k has t = k*dt; a trace sample at t = k*dt is the value at the end of step k.',
    'CSV output holds spikes only: a header line, then one "population,index,t_ms" line per',
    'spike in time order. --traces-out writes the traces as CSV too: one',
    '"probe,variable,index,t_ms,value" line per sample. Rates need JSON.',
    '',
    'Exit status: 0 ok; 2 bad command line or input (missing file, invalid JSON or document,',
    'over the memory budget); 1 the run failed (backend unavailable here, NaN/Inf in the state).',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'run');
    const settings = readSettings(args);
    const loaded = await loadDocument(path, io.cwd);
    const doc = withOverrides(loaded, settings, path);
    const progress = createProgress(io, Math.round(doc.run.duration / doc.run.dt));
    const execution = await executeDocument(doc, {
      chunkSteps: settings.chunk ?? DEFAULT_CHUNK_STEPS,
      ...(settings.backend === undefined ? {} : { backend: settings.backend }),
      ...(settings.memoryBudgetMiB === undefined
        ? {}
        : { memoryBudgetBytes: settings.memoryBudgetMiB * 2 ** 20 }),
      onProgress: (done) => progress.update(done),
    }).finally(() => progress.finish());
    const output = buildRunOutput(doc, execution.recording, {
      backend: execution.backend,
      seed: doc.run.seed,
      network: doc.name,
      spikelab_version: spikelabVersion(),
    });
    const body =
      settings.format === 'csv'
        ? buildSpikeCsv(doc, execution.recording)
        : `${JSON.stringify(output)}\n`;
    if (settings.tracesOut !== undefined) {
      const file = settings.tracesOut;
      await io
        .writeFile(resolve(io.cwd, file), buildTraceCsv(doc, execution.recording))
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          throw new CliError(`cannot write '${file}': ${reason}`, EXIT.runFailed);
        });
    }
    if (settings.nirData !== undefined) {
      const file = settings.nirData;
      await writeNirData(doc, execution.recording, resolve(io.cwd, file), file);
    }
    if (settings.out === undefined) {
      io.stdout(body);
    } else {
      await io.writeFile(resolve(io.cwd, settings.out), body).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError(`cannot write '${settings.out ?? ''}': ${reason}`, EXIT.runFailed);
      });
      io.stderr(
        `spikelab: wrote ${groupDigits(output.meta.total_spikes)} spikes of ${output.meta.steps} steps ` +
          `to ${settings.out} (backend ${output.meta.backend}, loop ${output.meta.wall_ms.toFixed(1)} ms)\n`,
      );
    }
    return EXIT.ok;
  },
};

interface RunSettings {
  duration?: number;
  steps?: number;
  backend?: BackendChoice;
  seed?: number;
  chunk?: number;
  out?: string;
  tracesOut?: string;
  nirData?: string;
  format: 'json' | 'csv';
  memoryBudgetMiB?: number;
}

function readSettings(args: Parameters<Command['run']>[0]): RunSettings {
  const duration = positiveNumber(args, 'duration');
  const steps = integer(args, 'steps', 1);
  if (duration !== undefined && steps !== undefined) {
    throw new CliError('give either --duration or --steps, not both');
  }
  const out = text(args, 'out');
  const format =
    choice(args, 'format', ['json', 'csv'] as const) ??
    (out?.toLowerCase().endsWith('.csv') === true ? 'csv' : 'json');
  const settings: RunSettings = { format };
  const set = <K extends keyof RunSettings>(key: K, value: RunSettings[K] | undefined): void => {
    if (value !== undefined) settings[key] = value;
  };
  set('duration', duration);
  set('steps', steps);
  set('backend', choice(args, 'backend', BACKEND_CHOICES));
  set('seed', integer(args, 'seed', 0, 2 ** 32 - 1));
  set('chunk', integer(args, 'chunk', 1));
  set('out', out);
  set('tracesOut', text(args, 'traces-out'));
  set('nirData', text(args, 'nir-data'));
  set('memoryBudgetMiB', positiveNumber(args, 'memory-budget'));
  return settings;
}

/** The document with the command line's duration, steps and seed, validated again. */
function withOverrides(doc: NetworkDocument, settings: RunSettings, path: string): NetworkDocument {
  const run = { ...doc.run };
  if (settings.duration !== undefined) run.duration = settings.duration;
  // N steps of dt: round(N*dt/dt) is N again for every N and dt a document can hold.
  if (settings.steps !== undefined) run.duration = settings.steps * run.dt;
  if (settings.seed !== undefined) run.seed = settings.seed;
  const result = validateDocument({ ...doc, run });
  if (!result.ok) throw invalidDocument(`'${path}' with the given options`, result.issues);
  return result.document;
}
