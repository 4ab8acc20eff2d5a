import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/app/learn/route.ts';
import { createProgressStore, PROGRESS_STORAGE_KEY } from '../../../src/app/lesson/progress.ts';
import { resumeStep } from '../../../src/app/lesson/progress-store.ts';
import { summariseBoard, summariseRun } from '../../../src/app/lesson/run-summary.ts';
import { startRunView, finishRunView } from '../../../src/app/hardware/board/board-run-view.ts';
import { createDocument, createPopulation } from '../../../src/model/index.ts';
import { RunRecord } from '../../../src/store/session/record.ts';

/** A Storage over a Map, as the page's localStorage behaves. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('lesson route', () => {
  it('parses and writes #/lesson/<id>/<step>', () => {
    expect(parseRoute('#/lesson/first-neuron/3')).toEqual({
      view: 'lesson',
      lesson: 'first-neuron',
      step: 3,
    });
    expect(parseRoute('#/lesson/stdp')).toEqual({ view: 'lesson', lesson: 'stdp', step: 1 });
    expect(parseRoute('#/lesson/stdp/0')).toEqual({ view: 'lesson', lesson: 'stdp', step: 1 });
    expect(parseRoute('#/lesson')).toEqual({ view: 'lab' });
    expect(routeHash({ view: 'lesson', lesson: 'stdp', step: 2 })).toBe('#/lesson/stdp/2');
  });
});

describe('lesson progress', () => {
  it('is kept in storage and read back by a new store (a reload)', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.getState().markOpened('stdp', 1);
    store.getState().markDone('stdp', 2);
    store.getState().markDone('stdp', 1);
    store.getState().markDone('stdp', 1);
    const again = createProgressStore(storage);
    expect(again.getState().of('stdp')).toEqual({ done: [1, 2], opened: [1] });
    expect(resumeStep(again.getState().of('stdp').done, 3)).toBe(3);
    again.getState().reset('stdp');
    expect(createProgressStore(storage).getState().of('stdp')).toEqual({ done: [], opened: [] });
  });

  it('ignores damaged storage', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_STORAGE_KEY, '{"stdp": {"done": [1, "x", -2, 2.5, 3]}, "bad": null');
    expect(createProgressStore(storage).getState().progress).toEqual({});
    storage.setItem(PROGRESS_STORAGE_KEY, '{"stdp": {"done": [1, "x", -2, 2.5, 3]}}');
    expect(createProgressStore(storage).getState().of('stdp')).toEqual({
      done: [1, 3],
      opened: [],
    });
  });
});

describe('run summaries for checks', () => {
  const doc = {
    ...createDocument(),
    populations: [{ ...createPopulation('stochastic_lif', 'exc', { x: 0, y: 0 }), size: 4 }],
    probes: [{ id: 'exc_spikes', kind: 'spikes' as const, population: 'exc' }],
  };

  it('a finished run: its spikes per population and its simulated time', () => {
    const record = new RunRecord(doc, 0.5, 100);
    record.append({
      startStep: 0,
      steps: 40,
      spikes: { exc: { steps: Int32Array.from([1, 5, 9]), indices: Uint32Array.from([0, 1, 3]) } },
      traces: {},
      counts: {},
      wallMs: 1,
    });
    expect(summariseRun({ status: 'running', record })).toBeNull();
    expect(summariseRun({ status: 'finished', record })).toEqual({
      document: doc,
      durationMs: 20,
      spikes: { exc: { count: 3, size: 4 } },
    });
  });

  it('a board run: unfinished until compared, then its verdict with the population named', () => {
    const view = startRunView(doc);
    expect(summariseBoard(view)?.outcome).toEqual({ kind: 'unfinished' });
    const differs = finishRunView(view, {
      verdict: { kind: 'differs', step: 12, population: 0, index: 1, onlyIn: 'engine', agreed: 4 },
      spikes: 4,
      seconds: 1,
    });
    expect(summariseBoard(differs)?.outcome).toEqual({
      kind: 'differs',
      step: 12,
      population: 'exc',
    });
    const exact = finishRunView(view, {
      verdict: { kind: 'bit-exact', spikes: 5 },
      spikes: 5,
      seconds: 1,
    });
    expect(summariseBoard(exact)).toEqual({
      document: doc,
      outcome: { kind: 'bit-exact', spikes: 5 },
    });
  });
});
