import { describe, expect, it } from 'vitest';
import * as h from '../../../src/store/document/history.ts';
import { applyEdit } from '../../../src/store/document/reduce.ts';
import { fixtureDocument } from './document-fixture.ts';

const move = (x: number) => ({
  type: 'movePopulations' as const,
  moves: [{ id: 'exc', position: { x, y: 0 } }],
});

describe('history', () => {
  it('undoes and redoes recorded edits in order', () => {
    const d0 = fixtureDocument();
    const d1 = applyEdit(d0, move(1));
    const d2 = applyEdit(d1, move(2));
    let hist = h.record(h.emptyHistory, 'move', d0, d1);
    hist = h.record(hist, 'move', d1, d2);
    const u1 = h.undo(hist, d2);
    expect(u1?.document).toBe(d1);
    const u2 = h.undo(u1!.history, d1);
    expect(u2?.document).toBe(d0);
    expect(h.undo(u2!.history, d0)).toBeNull();
    const r1 = h.redo(u2!.history, d0);
    expect(r1?.document).toBe(d1);
    expect(h.redo(r1!.history, d1)?.document).toBe(d2);
  });

  it('a new edit clears the redo stack', () => {
    const d0 = fixtureDocument();
    const d1 = applyEdit(d0, move(1));
    const undone = h.undo(h.record(h.emptyHistory, 'move', d0, d1), d1)!;
    const d3 = applyEdit(d0, move(3));
    const hist = h.record(undone.history, 'move', d0, d3);
    expect(hist.future).toEqual([]);
    expect(h.redo(hist, d3)).toBeNull();
  });

  it('a transaction folds a drag of many moves into one entry', () => {
    const d0 = fixtureDocument();
    let hist = h.beginTransaction(h.emptyHistory, 'move', d0);
    let doc = d0;
    for (let x = 1; x <= 30; x++) {
      const next = applyEdit(doc, move(x));
      hist = h.record(hist, 'move', doc, next);
      doc = next;
    }
    expect(hist.past).toHaveLength(0);
    hist = h.commitTransaction(hist, doc);
    expect(hist.past).toHaveLength(1);
    expect(hist.past[0]?.before).toBe(d0);
    expect(h.undo(hist, doc)?.document).toBe(d0);
  });

  it('an empty transaction records nothing, a cancelled one restores the start', () => {
    const d0 = fixtureDocument();
    expect(h.commitTransaction(h.beginTransaction(h.emptyHistory, 'x', d0), d0).past).toEqual([]);
    const opened = h.beginTransaction(h.emptyHistory, 'move', d0);
    const cancelled = h.cancelTransaction(opened);
    expect(cancelled.restore).toBe(d0);
    expect(cancelled.history.transaction).toBeNull();
    expect(cancelled.history.past).toEqual([]);
  });

  it('merges consecutive entries that share a merge key', () => {
    const d0 = fixtureDocument();
    const d1 = applyEdit(d0, move(1));
    const d2 = applyEdit(d1, move(2));
    const d3 = applyEdit(d2, { type: 'setName', name: 'other' });
    let hist = h.record(h.emptyHistory, 'nudge', d0, d1, 'nudge');
    hist = h.record(hist, 'nudge', d1, d2, 'nudge');
    hist = h.record(hist, 'rename', d2, d3);
    expect(hist.past.map((e) => [e.before, e.after])).toEqual([
      [d0, d2],
      [d2, d3],
    ]);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    let hist = h.emptyHistory;
    let doc = fixtureDocument();
    for (let i = 0; i < h.HISTORY_LIMIT + 10; i++) {
      const next = applyEdit(doc, move(i + 1));
      hist = h.record(hist, 'move', doc, next);
      doc = next;
    }
    expect(hist.past).toHaveLength(h.HISTORY_LIMIT);
  });
});
