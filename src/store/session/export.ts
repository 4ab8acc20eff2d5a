/**
 * Exports a recorded run in exactly the CLI's formats by handing the page's record to the
 * CLI's own writers, so files from the page and from `npx spikelab run --out` never differ.
 */
import { version } from '../../../package.json';
import type { ResolvedBackend } from '../../engine/api.ts';
import { buildSpikeCsv } from '../../cli/run/csv-output.ts';
import { buildRunOutput, type RunOutput } from '../../cli/run/json-output.ts';
import type { Recording } from '../../cli/run/recording.ts';
import type { RunRecord } from './record.ts';

/** The CLI's JSON, plus `meta.truncated` when a capped record dropped data. */
export type RunExport = RunOutput & { meta: RunOutput['meta'] & { truncated: boolean } };

/** The full (export) part of a record, in the CLI's `Recording` shape (views, no copies). */
export function toRecording(record: RunRecord): Recording {
  const recording: Recording = {
    steps: record.endStep,
    wallMs: record.wallMs,
    spikes: new Map(),
    traces: new Map(),
    counts: new Map(),
  };
  for (const [id, s] of record.spikes) {
    recording.spikes.set(id, {
      steps: s.full.steps.subarray(0, s.full.length),
      indices: s.full.indices.subarray(0, s.full.length),
    });
  }
  // Synapse probes share the map: the engine and the CLI key traces by probe id.
  for (const [id, t] of [...record.traces, ...record.synapseTraces]) {
    recording.traces.set(id, {
      steps: t.full.steps.subarray(0, t.full.length),
      values: t.full.values.subarray(0, t.full.length * t.full.width),
    });
  }
  for (const [id, r] of record.rates) {
    recording.counts.set(id, r.full.counts.subarray(0, r.full.length));
  }
  return recording;
}

/** The whole record as the CLI's JSON object. */
export function exportRun(record: RunRecord, backend: ResolvedBackend | null): RunExport {
  const output = buildRunOutput(record.document, toRecording(record), {
    backend: backend ?? 'unknown',
    seed: record.document.run.seed,
    network: record.document.name,
    spikelab_version: version,
  });
  return { ...output, meta: { ...output.meta, truncated: record.truncated } };
}

/** The CLI's spike CSV: `population,index,t_ms`, one line per spike, in time order. */
export function exportCsv(record: RunRecord): string {
  return buildSpikeCsv(record.document, toRecording(record));
}
