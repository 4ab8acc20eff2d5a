/**
 * Spike trains from the user's own files: CSV rows `time,index` (times in ms) or JSON
 * `{ "t": [...], "i": [...] }` (Brian2's SpikeMonitor `t`/`i`, in ms). Both give the same
 * `SpikeTrain`, checked the same way: finite times >= 0 that never decrease, whole indices
 * >= 0, and below `targetSize` when the train is meant for a population of that size.
 */
import { findJsonSyntaxError } from '../../json-syntax.ts';
import { csvRows } from './csv-rows.ts';
import { looksNumeric, readNumber } from './numbers.ts';
import { IssueList, type ParseResult } from './parse-result.ts';

/** Spike `k` is neuron `indices[k]` at `times[k]` ms; times never decrease. */
export interface SpikeTrain {
  times: number[];
  indices: number[];
}

export interface SpikeTrainOptions {
  /** The size of the population the train is for: every index must be below it. */
  targetSize?: number;
}

/** Checks one spike; `previous` is the time of the spike before it (or -Infinity). */
function checkSpike(
  issues: IssueList,
  where: string,
  time: number,
  index: number,
  previous: number,
  options: SpikeTrainOptions,
): void {
  if (time < 0) issues.add(where, `time ${time} is negative (times are ms from the run's start)`);
  else if (time < previous) {
    issues.add(
      where,
      `time ${time} comes before the previous spike's ${previous} (times out of order)`,
    );
  }
  if (!Number.isInteger(index)) issues.add(where, `index ${index} is not a whole number`);
  else if (index < 0) issues.add(where, `index ${index} is negative`);
  else if (options.targetSize !== undefined && index >= options.targetSize) {
    issues.add(
      where,
      `index ${index} is out of range: the target has ${options.targetSize} ${options.targetSize === 1 ? 'neuron' : 'neurons'} (0..${options.targetSize - 1})`,
    );
  }
}

/**
 * Reads a CSV spike train: one spike per row, `time,index`; a header row, `#` comments and
 * blank lines are allowed.
 *
 * @example parseSpikeCsv('time,index\n0.5,2\n1.0,0\n') // { ok: true, value: { times: [0.5, 1], indices: [2, 0] } }
 * @example parseSpikeCsv('1,0\n0.5,1\n').ok // false: line 2, times out of order
 */
export function parseSpikeCsv(
  text: string,
  options: SpikeTrainOptions = {},
): ParseResult<SpikeTrain> {
  const issues = new IssueList();
  const { rows } = csvRows(text, (fields) => !fields.some(looksNumeric));
  const times: number[] = [];
  const indices: number[] = [];
  let previous = -Infinity;
  for (const { line, fields } of rows) {
    const where = `line ${line}`;
    if (fields.length !== 2) {
      issues.add(where, `expected 2 fields (time,index), got ${fields.length}`);
      continue;
    }
    const time = readNumber(fields[0] ?? '', 'time');
    const index = readNumber(fields[1] ?? '', 'index');
    if (!time.ok) issues.add(where, time.reason);
    if (!index.ok) issues.add(where, index.reason);
    if (!time.ok || !index.ok) continue;
    checkSpike(issues, where, time.value, index.value, previous, options);
    previous = Math.max(previous, time.value);
    times.push(time.value);
    indices.push(index.value);
  }
  if (rows.length === 0) issues.add('(file)', 'no spikes: the file has no data rows');
  return issues.failure() ?? { ok: true, value: { times, indices } };
}

/**
 * Reads a JSON spike train `{ "t": [ms...], "i": [index...] }` (equal lengths).
 *
 * @example parseSpikeJson('{"t": [1, 2], "i": [0, 3]}') // { ok: true, value: { times: [1, 2], indices: [0, 3] } }
 */
export function parseSpikeJson(
  text: string,
  options: SpikeTrainOptions = {},
): ParseResult<SpikeTrain> {
  const issues = new IssueList();
  const syntax = findJsonSyntaxError(text);
  if (syntax) {
    issues.add(`line ${syntax.line}`, `column ${syntax.column}: ${syntax.reason}`);
    return issues.failure() ?? { ok: true, value: { times: [], indices: [] } };
  }
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    issues.add('(file)', 'expected an object { "t": [...], "i": [...] }');
  } else {
    const record = data as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 't' && key !== 'i') issues.add(key, 'unknown field (expected "t" and "i")');
    }
    const t = record['t'];
    const i = record['i'];
    if (!Array.isArray(t)) issues.add('t', 'must be an array of spike times in ms');
    if (!Array.isArray(i)) issues.add('i', 'must be an array of neuron indices');
    if (Array.isArray(t) && Array.isArray(i)) {
      if (t.length !== i.length) {
        issues.add(
          '(file)',
          `"t" has ${t.length} entries but "i" has ${i.length}: one index per time`,
        );
      } else if (t.length === 0) issues.add('(file)', 'no spikes: "t" and "i" are empty');
      let previous = -Infinity;
      for (let k = 0; k < Math.min(t.length, i.length); k++) {
        const time: unknown = t[k];
        const index: unknown = i[k];
        if (typeof time !== 'number')
          issues.add(`t[${k}]`, `must be a number, got ${JSON.stringify(time)}`);
        if (typeof index !== 'number')
          issues.add(`i[${k}]`, `must be a number, got ${JSON.stringify(index)}`);
        if (typeof time !== 'number' || typeof index !== 'number') continue;
        checkSpike(issues, `spike ${k} (t[${k}], i[${k}])`, time, index, previous, options);
        previous = Math.max(previous, time);
      }
    }
  }
  const failure = issues.failure<SpikeTrain>();
  if (failure) return failure;
  const record = data as { t: number[]; i: number[] };
  return { ok: true, value: { times: record.t.slice(), indices: record.i.slice() } };
}
