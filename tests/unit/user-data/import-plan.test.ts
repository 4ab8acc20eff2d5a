/**
 * What the data import dialog adds to the document (src/app/user-data/import-plan.ts): one
 * edit per file, which applied gives a valid document, or the file's problems by line.
 */
import { describe, expect, it } from 'vitest';
import { createDocument, createPopulation, validateDocument } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';
import {
  defaultKind,
  parseData,
  planImport,
  type PendingData,
} from '../../../src/app/user-data/import-plan.ts';
import { applyEdit } from '../../../src/store/document/index.ts';

const csv = (fileName: string, text: string): PendingData => ({
  fileName,
  text,
  format: 'csv',
  at: { x: 40, y: 60 },
});

/** A document with one LIF population `lif` of 3 neurons. */
function withLif(): NetworkDocument {
  const doc = createDocument('t');
  return {
    ...doc,
    populations: [{ ...createPopulation('stochastic_lif', 'lif', { x: 0, y: 0 }), size: 3 }],
  };
}

function applied(
  doc: NetworkDocument,
  pending: PendingData,
  choice: Parameters<typeof planImport>[2],
): NetworkDocument {
  const plan = planImport(doc, pending, choice);
  if (!plan.ok) throw new Error(plan.problems.join('\n'));
  const next = applyEdit(doc, plan.edit);
  const result = validateDocument(next);
  expect(result.ok ? [] : result.issues).toEqual([]);
  return next;
}

describe('data import plan', () => {
  it('a spike CSV becomes a spike generator at the drop point, with a spikes probe', () => {
    const pending = csv('rec 1.csv', 'time,index\n0.5,2\n1.5,0\n');
    expect(defaultKind(pending, parseData(pending))).toBe('spikes');
    const doc = applied(withLif(), pending, { kind: 'spikes', size: 3, target: '', column: 0 });
    expect(doc.populations.at(-1)).toMatchObject({
      id: 'rec_1',
      model: 'spike_generator',
      size: 3,
      position: { x: 40, y: 60 },
      params: { times: [0.5, 1.5], indices: [2, 0], period: 0 },
    });
    expect(doc.probes).toEqual([{ id: 'rec_1_spikes', kind: 'spikes', population: 'rec_1' }]);
  });

  it('a two-column series becomes a current into the chosen population, or a Poisson rate', () => {
    const pending = csv('drive.csv', 'time,current\n0,0.5\n10,1.5\n20,0\n');
    expect(defaultKind(pending, parseData(pending))).toBe('current');
    const current = applied(withLif(), pending, {
      kind: 'current',
      size: 1,
      target: 'lif',
      column: 0,
    });
    expect(current.stimuli).toEqual([
      {
        id: 'drive_current',
        kind: 'current_series',
        target: 'lif',
        times: [0, 10, 20],
        values: [0.5, 1.5, 0],
      },
    ]);
    const rate = applied(withLif(), pending, { kind: 'rate', size: 20, target: '', column: 0 });
    expect(rate.populations.at(-1)).toMatchObject({
      model: 'poisson',
      size: 20,
      params: { rate: 0, rate_series: { times: [0, 10, 20], rates: [0.5, 1.5, 0] } },
    });
  });

  it('takes the chosen column of a wide series', () => {
    const pending = csv('w.csv', 't,a,b\n0,1,2\n5,3,4\n');
    const doc = applied(withLif(), pending, { kind: 'current', size: 1, target: 'lif', column: 1 });
    expect(doc.stimuli[0]).toMatchObject({ times: [0, 5], values: [2, 4] });
  });

  it('with no size typed, checks no range and sizes the generator from the file', () => {
    const bad = csv('bad.csv', 'time,index\n1,0\n2,1\nx,2\n5,9\n');
    const plan = planImport(withLif(), bad, { kind: 'spikes', size: null, target: '', column: 0 });
    expect(plan).toEqual({ ok: false, problems: ["line 4: time 'x' is not a number"] });
    const good = csv('good.csv', 'time,index\n1,0\n5,9\n');
    const doc = applied(withLif(), good, { kind: 'spikes', size: null, target: '', column: 0 });
    expect(doc.populations.find((p) => p.id === 'good')?.size).toBe(10);
  });

  it('lists the problems by line and changes nothing', () => {
    const pending = csv('bad.csv', 'time,index\n1,0\n0.5,7\nx,1\n');
    const plan = planImport(withLif(), pending, { kind: 'spikes', size: 3, target: '', column: 0 });
    expect(plan).toEqual({
      ok: false,
      problems: [
        "line 3: time 0.5 comes before the previous spike's 1 (times out of order)",
        'line 3: index 7 is out of range: the target has 3 neurons (0..2)',
        "line 4: time 'x' is not a number",
      ],
    });
    expect(
      planImport(withLif(), csv('n.csv', '0,-2\n'), {
        kind: 'rate',
        size: 1,
        target: '',
        column: 0,
      }),
    ).toEqual({
      ok: false,
      problems: ['value 1: a rate must be >= 0 Hz, got -2'],
    });
  });
});
