/**
 * The run's log of live changes: what changed, to what, and at which step. The plots mark each
 * on their time axis and the run's export lists them.
 */
import { paramLabel } from '../../model/param-path.ts';
import type { NetworkDocument } from '../../model/document.ts';

export interface LiveLogEntry {
  /** The first step simulated with the new value. */
  step: number;
  path: string;
  value: number;
  /** The parameter's label, e.g. "exc · Bias current (nA)". */
  label: string;
}

/** An entry for `path = value` at `step`, labelled from the run's document. */
export function liveLogEntry(
  doc: NetworkDocument,
  path: string,
  value: number,
  step: number,
): LiveLogEntry {
  return { step, path, value, label: paramLabel(doc, path) };
}

/** A value as the Live panel and the markers show it: 4 significant digits, no trailing zeros. */
export function formatLiveValue(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/**
 * The marker's text, e.g. "exc · Bias current (nA) = 1.2 at 340 ms".
 *
 * @example liveMarkerText({ step: 3400, path: 'p', value: 1.2, label: 'exc · bias' }, 0.1)
 *   // 'exc · bias = 1.2 at 340 ms'
 */
export function liveMarkerText(entry: LiveLogEntry, dt: number): string {
  const ms = Number((entry.step * dt).toPrecision(6));
  return `${entry.label} = ${formatLiveValue(entry.value)} at ${ms} ms`;
}

/** The export's form of the log: step, time and value of each change, in order. */
export function exportLiveLog(
  entries: readonly LiveLogEntry[],
  dt: number,
): { step: number; t_ms: number; path: string; value: number }[] {
  return entries.map((e) => ({
    step: e.step,
    t_ms: Number((e.step * dt).toPrecision(9)),
    path: e.path,
    value: e.value,
  }));
}
