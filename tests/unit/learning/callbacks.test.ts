/** The training callbacks against hand-written CSV and JSON texts. */
import { describe, expect, it } from 'vitest';
import { CsvCallback, JsonCallback, LiveCallback } from '../../../src/engine/learning/callbacks.ts';
import type { MetricRow } from '../../../src/engine/learning/callbacks.ts';

describe('CsvCallback', () => {
  it('writes the header from the first row and one line per step, once, on close', () => {
    const written: string[] = [];
    const csv = new CsvCallback((text) => written.push(text));
    csv.log({ loss: 0.5, accuracy: 0.25 }, 1);
    csv.log({ loss: 0.125, accuracy: 1 }, 2);
    expect(written).toEqual([]);
    const expected = 'step,loss,accuracy\n1,0.5,0.25\n2,0.125,1\n';
    expect(csv.toCsv()).toBe(expected);
    csv.close();
    expect(written).toEqual([expected]);
  });

  it('writes nothing when no row was logged (as the seed)', () => {
    const written: string[] = [];
    const csv = new CsvCallback((text) => written.push(text));
    expect(csv.toCsv()).toBe('');
    csv.close();
    expect(written).toEqual([]);
  });

  it('quotes a metric name holding a comma or a quote', () => {
    const csv = new CsvCallback(() => undefined);
    csv.log({ 'a,b': 1, 'say "hi"': 2 }, 0);
    expect(csv.toCsv()).toBe('step,"a,b","say ""hi"""\n0,1,2\n');
  });

  it('refuses a row whose columns differ from the header, naming both', () => {
    const csv = new CsvCallback(() => undefined);
    csv.log({ loss: 1 }, 1);
    expect(() => csv.log({ accuracy: 1 }, 2)).toThrow(
      'CsvCallback: step 2 has columns step, accuracy; the header is step, loss',
    );
    expect(() => csv.log({ step: 3 }, 3)).toThrow(/may not be named "step"/);
  });
});

describe('JsonCallback', () => {
  it('keeps rows in order and writes them as a JSON array, non-finite values as null', () => {
    const written: string[] = [];
    const json = new JsonCallback((text) => written.push(text));
    json.log({ loss: 2 }, 0);
    json.log({ loss: NaN }, 1);
    expect(json.rows()).toEqual([
      { step: 0, loss: 2 },
      { step: 1, loss: NaN },
    ]);
    json.close();
    expect(written).toEqual(['[{"step":0,"loss":2},{"step":1,"loss":null}]']);
  });
});

describe('LiveCallback', () => {
  it('hands each row to the subscriber as it is logged, and reports the close', () => {
    const rows: MetricRow[] = [];
    let closed = 0;
    const live = new LiveCallback(
      (row) => rows.push(row),
      () => (closed += 1),
    );
    live.log({ loss: 3, testAccuracy: 0.5 }, 4);
    expect(rows).toEqual([{ step: 4, loss: 3, testAccuracy: 0.5 }]);
    live.log({ loss: 1, testAccuracy: 0.75 }, 5);
    expect(rows).toHaveLength(2);
    expect(closed).toBe(0);
    live.close();
    expect(closed).toBe(1);
  });
});
