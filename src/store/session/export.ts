/**
 * Exports a recorded run in exactly the CLI's formats by handing the page's record to the
 * CLI's own writers, so files from the page and from `npx spikelab run --out` never differ.
 */
import { version } from '../../../package.json';
import type { ResolvedBackend } from '../../engine/api.ts';
import { buildSpikeCsv } from '../../cli/run/csv-output.ts';
import { buildTraceCsv } from '../../cli/run/trace-csv.ts';
import { buildRunOutput, type RunOutput } from '../../cli/run/json-output.ts';
import type { Recording } from '../../cli/run/recording.ts';
import { exportLiveLog } from './live-log.ts';
import type { RunRecord } from './record.ts';

/**
 * The CLI's JSON, plus `meta.truncated` when a capped record dropped data, and `live_changes`
 * when parameters were changed during the run (the CLI never changes any).
 */
export type RunExport = RunOutput & {
  meta: RunOutput['meta'] & { truncated: boolean };
  live_changes?: ReturnType<typeof exportLiveLog>;
};

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
  const meta = { ...output.meta, truncated: record.truncated };
  const live = record.liveChanges;
  return live.length > 0
    ? { ...output, meta, live_changes: exportLiveLog(live, record.dt) }
    : { ...output, meta };
}

/** The CLI's spike CSV: `population,index,t_ms`, one line per spike, in time order. */
export function exportCsv(record: RunRecord): string {
  return buildSpikeCsv(record.document, toRecording(record));
}

/** The state and synapse traces as CSV, one sample a line (`spikelab run --traces-out`). */
export function exportTraceCsv(record: RunRecord): string {
  return buildTraceCsv(record.document, toRecording(record));
}
