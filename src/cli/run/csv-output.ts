/**
 * The CSV form of a run: spikes only, one `population,index,t_ms` line per spike, in time
 * order (populations in document order within a step, ascending index within a population).
 * Traces (state and synapse probes) and rates have no natural place in one flat table; they
 * need the JSON output.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { stepTime } from '../numbers.ts';
import type { Recording } from './recording.ts';

/** The CSV text, header line included. */
export function buildSpikeCsv(doc: NetworkDocument, recording: Recording): string {
  const streams = doc.populations.flatMap((p) => {
    const record = recording.spikes.get(p.id);
    return record === undefined ? [] : [{ id: csvField(p.id), record, next: 0 }];
  });
  const lines = ['population,index,t_ms'];
  // Each population's spikes are already in step order: merge them by step.
  for (;;) {
    let step = Infinity;
    for (const s of streams) step = Math.min(step, s.record.steps[s.next] ?? Infinity);
    if (step === Infinity) break;
    const t = stepTime(step, doc.run.dt);
    for (const s of streams) {
      while (s.record.steps[s.next] === step) {
        lines.push(`${s.id},${s.record.indices[s.next] ?? ''},${t}`);
        s.next++;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Quotes a field that contains a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
