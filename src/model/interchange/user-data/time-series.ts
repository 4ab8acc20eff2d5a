/**
 * Time series from the user's own CSV files: `time,value` (one waveform) or `time,v0,v1,...`
 * (one column per neuron). Times are ms and must increase strictly; every value is finite.
 * Piecewise constant: value k holds from `times[k]` to `times[k+1]` (the last to the run's end).
 */
import { csvRows } from './csv-rows.ts';
import { looksNumeric, readNumber } from './numbers.ts';
import { IssueList, type ParseResult } from './parse-result.ts';

export interface TimeSeries {
  /** Sample times, ms, strictly increasing. */
  times: number[];
  /** `columns[c][k]`: column c's value at `times[k]`; at least one column. */
  columns: number[][];
  /** The header's names of the value columns, when the file has a header. */
  names: string[] | undefined;
}

/**
 * Reads a CSV time series.
 *
 * @example parseSeriesCsv('time,current\n0,1.5\n10,0\n').value // { times: [0, 10], columns: [[1.5, 0]], names: ['current'] }
 * @example parseSeriesCsv('0,1\n0,2\n').ok // false: line 2, times must increase
 */
export function parseSeriesCsv(text: string): ParseResult<TimeSeries> {
  const issues = new IssueList();
  const { header, rows } = csvRows(text, (fields) => !fields.some(looksNumeric));
  const width = header?.length ?? rows[0]?.fields.length ?? 0;
  if (header !== undefined && width < 2) {
    issues.add(`line 1`, `the header names ${width} column: expected time and at least one value`);
  }
  const times: number[] = [];
  const columns: number[][] = Array.from({ length: Math.max(0, width - 1) }, () => []);
  let previous = -Infinity;
  for (const { line, fields } of rows) {
    const where = `line ${line}`;
    if (fields.length < 2) {
      issues.add(where, `expected time and at least one value, got ${fields.length} field`);
      continue;
    }
    if (fields.length !== width) {
      issues.add(
        where,
        `expected ${width} fields like ${header ? 'the header' : 'the first row'}, got ${fields.length} (ragged row)`,
      );
      continue;
    }
    const time = readNumber(fields[0] ?? '', 'time');
    let bad = !time.ok;
    if (!time.ok) issues.add(where, time.reason);
    else if (time.value < 0) {
      issues.add(where, `time ${time.value} is negative (times are ms from the run's start)`);
      bad = true;
    } else if (time.value <= previous) {
      issues.add(
        where,
        `time ${time.value} does not come after the previous row's ${previous} (times must increase)`,
      );
      bad = true;
    }
    const values = fields.slice(1).map((f, c) => {
      const v = readNumber(f, header?.[c + 1] ? `'${header[c + 1]}'` : `value ${c + 1}`);
      if (!v.ok) {
        issues.add(where, v.reason);
        bad = true;
      }
      return v.ok ? v.value : 0;
    });
    if (time.ok) previous = Math.max(previous, time.value);
    if (bad || !time.ok) continue;
    times.push(time.value);
    values.forEach((v, c) => columns[c]?.push(v));
  }
  if (rows.length === 0) issues.add('(file)', 'no samples: the file has no data rows');
  return issues.failure() ?? { ok: true, value: { times, columns, names: header?.slice(1) } };
}
