/**
 * The user-data parsers: what they accept (headers, comments, blank lines, separators) and
 * every refusal named by line (or JSON entry) and reason, all of them collected (the first 20).
 */
import { describe, expect, it } from 'vitest';
import {
  formatDataIssues,
  parseSeriesCsv,
  parseSpikeCsv,
  parseSpikeJson,
  type ParseResult,
} from '../../../src/model/interchange/user-data/index.ts';

/** The messages of a failed parse (the test fails if it succeeded). */
function problems<T>(result: ParseResult<T>): string[] {
  if (result.ok) throw new Error('expected the parse to fail');
  return formatDataIssues(result);
}

describe('spike trains', () => {
  it('reads CSV with a header, comments, blank lines and CRLF', () => {
    const text = '# recorded 2024\r\ntime,index\r\n\r\n0.5,2  # first\r\n1.0;0\r\n1.0\t3\r\n';
    expect(parseSpikeCsv(text)).toEqual({
      ok: true,
      value: { times: [0.5, 1, 1], indices: [2, 0, 3] },
    });
  });

  it('names each bad CSV row by line and reason, all of them', () => {
    const text = [
      'time,index', // 1
      '1,0', // 2
      'abc,1', // 3
      '2,-1', // 4
      '0.5,1', // 5: out of order
      '3,1.5', // 6
      '4,NaN', // 7
      'Infinity,2', // 8
      '5', // 9
      '6,9', // 10: out of range with a target of 5
      '', // 11
      '7,1,2', // 12
    ].join('\n');
    expect(problems(parseSpikeCsv(text, { targetSize: 5 }))).toEqual([
      "line 3: time 'abc' is not a number",
      'line 4: index -1 is negative',
      "line 5: time 0.5 comes before the previous spike's 2 (times out of order)",
      'line 6: index 1.5 is not a whole number',
      'line 7: index is NaN, not a finite number',
      'line 8: time is Infinity, not a finite number',
      'line 9: expected 2 fields (time,index), got 1',
      'line 10: index 9 is out of range: the target has 5 neurons (0..4)',
      'line 12: expected 2 fields (time,index), got 3',
    ]);
  });

  it('reports an empty file and keeps only the first 20 problems', () => {
    expect(problems(parseSpikeCsv('# nothing\n\ntime,index\n'))).toEqual([
      '(file): no spikes: the file has no data rows',
    ]);
    const many = Array.from({ length: 30 }, (_, k) => `${k},-1`).join('\n');
    const lines = problems(parseSpikeCsv(many));
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('line 1: index -1 is negative');
    expect(lines[20]).toBe('... and 10 more problems');
  });

  it('reads JSON { t, i } and names bad entries', () => {
    expect(parseSpikeJson('{"t": [0, 2.5], "i": [1, 0]}')).toEqual({
      ok: true,
      value: { times: [0, 2.5], indices: [1, 0] },
    });
    expect(
      problems(parseSpikeJson('{"t": [1, 0.5, "x"], "i": [0, 2, 1], "w": 1}', { targetSize: 2 })),
    ).toEqual([
      'w: unknown field (expected "t" and "i")',
      "spike 1 (t[1], i[1]): time 0.5 comes before the previous spike's 1 (times out of order)",
      'spike 1 (t[1], i[1]): index 2 is out of range: the target has 2 neurons (0..1)',
      't[2]: must be a number, got "x"',
    ]);
    expect(problems(parseSpikeJson('{"t": [1], "i": []}'))).toEqual([
      '(file): "t" has 1 entries but "i" has 0: one index per time',
    ]);
    expect(problems(parseSpikeJson('{"t": [1],\n "i": [0,]}'))[0]).toMatch(/^line 2: column \d+: /);
  });
});

describe('time series', () => {
  it('reads one shared column or one column per neuron, header optional', () => {
    expect(parseSeriesCsv('time,current\n0,1.5\n10,0\n')).toEqual({
      ok: true,
      value: { times: [0, 10], columns: [[1.5, 0]], names: ['current'] },
    });
    expect(parseSeriesCsv('0,1,2,3\n5,4,5,6\n')).toEqual({
      ok: true,
      value: {
        times: [0, 5],
        columns: [
          [1, 4],
          [2, 5],
          [3, 6],
        ],
        names: undefined,
      },
    });
  });

  it('names ragged rows, repeated times and bad values by line', () => {
    const text = [
      't,a,b',
      '0,1,2',
      '1,1',
      '1,3,4',
      '1,3,4',
      '0.5,1,2',
      '2,x,-inf',
      '',
      '3,1e400,1',
    ].join('\n');
    expect(problems(parseSeriesCsv(text))).toEqual([
      'line 3: expected 3 fields like the header, got 2 (ragged row)',
      "line 5: time 1 does not come after the previous row's 1 (times must increase)",
      "line 6: time 0.5 does not come after the previous row's 1 (times must increase)",
      "line 7: 'a' 'x' is not a number",
      "line 7: 'b' is -inf, not a finite number",
      "line 9: 'a' 1e400 is too large, not a finite number",
    ]);
    expect(problems(parseSeriesCsv(''))).toEqual(['(file): no samples: the file has no data rows']);
  });
});
