/** One line on what a data file holds, read each way it can be (import dialog). */
import { summariseSpikeTrain } from '../../model/interchange/user-data/index.ts';
import type { Parsed } from './import-plan.ts';

export function ParsedSummary({ parsed, runMs }: { parsed: Parsed; runMs: number }) {
  const lines: string[] = [];
  if (parsed.spikes.ok) {
    const s = summariseSpikeTrain(parsed.spikes.value);
    lines.push(
      `As a spike train: ${s.spikes} spikes of ${s.neurons} neurons, the last at ${s.lastMs} ms.`,
    );
    if (s.lastMs >= runMs) lines.push(`The run lasts ${runMs} ms: later spikes are not played.`);
  }
  if (parsed.series?.ok === true) {
    const { times, columns } = parsed.series.value;
    const last = times[times.length - 1] ?? 0;
    lines.push(
      `As a series: ${times.length} samples from ${times[0] ?? 0} to ${last} ms, ${columns.length} value ${columns.length === 1 ? 'column' : 'columns'}.`,
    );
  }
  if (lines.length === 0) lines.push('The file reads neither as a spike train nor as a series.');
  return (
    <div className="muted" data-testid="data-summary">
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  );
}
