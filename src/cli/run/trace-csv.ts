/**
 * The CSV form of a run's traces (state probes and synapse probes), beside the spike CSV
 * (`csv-output.ts`): one `probe,variable,index,t_ms,value` line per sample, probes in document
 * order, then time, then neuron (or synapse) in the probe's order. Long rather than wide, so
 * probes of different neurons and lengths share one table that any tool can pivot.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { shortestFloat32, stepTime } from '../numbers.ts';
import type { Recording } from './recording.ts';

/**
 * The CSV text, header line included (only the header when nothing was traced).
 *
 * @example buildTraceCsv(doc, recording) // 'probe,variable,index,t_ms,value\nv,v,0,0.1,-64.9\n...'
 */
export function buildTraceCsv(doc: NetworkDocument, recording: Recording): string {
  const lines = ['probe,variable,index,t_ms,value'];
  for (const probe of doc.probes) {
    if (probe.kind !== 'state' && probe.kind !== 'synapse') continue;
    const record = recording.traces.get(probe.id);
    if (record === undefined) continue;
    const indices = probe.kind === 'state' ? probe.neurons : probe.synapses;
    const n = indices.length;
    const id = csvField(probe.id);
    record.steps.forEach((step, k) => {
      const t = stepTime(step, doc.run.dt);
      indices.forEach((index, j) => {
        const value = shortestFloat32(record.values[k * n + j] ?? NaN);
        lines.push(`${id},${probe.variable},${index},${t},${value}`);
      });
    });
  }
  return `${lines.join('\n')}\n`;
}

/** Quotes a field that contains a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
