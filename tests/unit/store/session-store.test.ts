import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../src/store/session/store.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { fakeDocument, fakeWorker, until, type FakeWorker } from './session-fakes.ts';

function setup(
  worker: FakeWorker,
  doc: () => NetworkDocument = () => fakeDocument(),
  rev = () => 1,
) {
  return createSessionStore({
    createClient: worker.factory,
    readDocument: () => ({ document: doc(), revision: rev() }),
    chunkMs: 2,
    fastChunkMs: 2, // 4 steps of 0.5 ms
    windowMs: 3,
    progressMs: 0,
    maxChunksAhead: 2,
  });
}

describe('session store', () => {
  it('runs to the end, streaming every chunk into the record', async () => {
    const worker = fakeWorker();
    const store = setup(worker);
    // A paced speed keeps chunks at their requested size (unpaced runs grow them: see
    // session-unpaced.test.ts); 1000x makes the pacing itself negligible.
    store.getState().setSpeed(1000);
    await store.getState().run();
    await until(() => store.getState().status === 'finished');
    const s = store.getState();
    expect(s.backend).toBe('reference');
    expect(s.step).toBe(20);
    expect(s.simulatedMs).toBe(10);
    const a = s.record?.spikes.get('a');
    expect(a?.full.length).toBe(20);
    expect(Array.from(a?.full.indices.subarray(0, 6) ?? [])).toEqual([0, 1, 2, 0, 1, 2]);
    // Window of 3 ms = 6 steps: only steps 14..19 remain.
    expect(Array.from(a?.window.steps.subarray(0, a.window.length) ?? [])).toEqual([
      14, 15, 16, 17, 18, 19,
    ]);
    expect(worker.calls.filter((c) => c.startsWith('ack')).length).toBe(5);
  });

  it('never lets the worker run more than maxChunksAhead chunks past the acknowledgements', async () => {
    const worker = fakeWorker();
    const held: (() => void)[] = [];
    const store = createSessionStore({
      createClient: worker.factory,
      readDocument: () => ({ document: fakeDocument(), revision: 1 }),
      chunkMs: 2,
      fastChunkMs: 2,
      maxChunksAhead: 2,
      progressMs: 0,
      deferAck: (cb) => held.push(cb), // the page takes nothing in until we say so
    });
    store.getState().setSpeed(1000); // paced: fixed 4-step chunks
    await store.getState().run();
    await new Promise((r) => setTimeout(r, 30));
    expect(store.getState().step).toBe(8); // two chunks of 4 steps, then it waits
    held.shift()?.();
    await until(() => store.getState().step === 12);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().step).toBe(12);
    expect(store.getState().status).toBe('running');
  });

  it('pauses, steps one chunk at a time, and resumes', async () => {
    const worker = fakeWorker();
    const store = setup(worker, () => fakeDocument(1000));
    await store.getState().stepOnce();
    await until(() => store.getState().step === 4);
    expect(store.getState().status).toBe('paused');
    await store.getState().stepOnce(3);
    expect(store.getState().busy).toBe(true);
    await until(() => store.getState().step === 7);
    await until(() => !store.getState().busy);
    await store.getState().run();
    expect(store.getState().status).toBe('running');
    await until(() => store.getState().step > 20);
    store.getState().pause();
    expect(store.getState().status).toBe('paused');
    expect(store.getState().busy).toBe(true); // until the worker confirms
    const at = store.getState().step;
    await until(() => !store.getState().busy);
    // Chunks already in flight may land (maxChunksAhead 2 + the one computing); then nothing.
    const settled = store.getState().step;
    expect(settled - at).toBeLessThanOrEqual(12);
    await new Promise((r) => setTimeout(r, 30));
    expect(store.getState().step).toBe(settled);
    expect(store.getState().status).toBe('paused');
  });

  it('reset compiles the document as it is now on the next run', async () => {
    const worker = fakeWorker();
    let doc = fakeDocument(1000);
    let revision = 1;
    const store = setup(
      worker,
      () => doc,
      () => revision,
    );
    await store.getState().stepOnce();
    await until(() => store.getState().step === 4);
    doc = { ...fakeDocument(2), name: 'edited' };
    revision = 2;
    expect(store.getState().runRevision).toBe(1); // the badge compares this with the editor's
    store.getState().reset();
    expect(store.getState().status).toBe('idle');
    expect(store.getState().record).toBeNull();
    await store.getState().run();
    await until(() => store.getState().status === 'finished');
    expect(store.getState().step).toBe(4); // 2 ms at 0.5 ms: the edited duration
    expect(store.getState().record?.document.name).toBe('edited');
    // A 2 ms run is plotted on a 2 ms axis, not in the corner of the 3 ms window.
    expect(store.getState().record?.windowMs).toBe(2);
    expect(store.getState().runRevision).toBe(2);
  });

  it('cancel stops at once, keeps the data, and the next run uses a fresh worker', async () => {
    const worker = fakeWorker();
    const store = setup(worker, () => fakeDocument(1e6));
    await store.getState().run();
    await until(() => store.getState().step >= 8);
    store.getState().cancel();
    const s = store.getState();
    expect(s.status).toBe('idle');
    expect(s.cancelled).toBe(true);
    expect(worker.terminated()).toBe(1);
    const kept = s.record?.spikes.get('a')?.full.length ?? 0;
    expect(kept).toBeGreaterThanOrEqual(8);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().record?.spikes.get('a')?.full.length).toBe(kept);
    await store.getState().run();
    expect(worker.created()).toBe(2);
    expect(store.getState().status).toBe('running');
    store.getState().cancel();
  });

  it('publishes progress at most every progressMs, and exactly when the run ends', async () => {
    const worker = fakeWorker();
    const clock = 0;
    let updates = 0;
    const store = createSessionStore({
      createClient: worker.factory,
      readDocument: () => ({ document: fakeDocument(), revision: 1 }),
      chunkMs: 2,
      fastChunkMs: 2,
      now: () => clock,
      progressMs: 100,
    });
    store.subscribe((s, prev) => {
      if (s.step !== prev.step) updates++;
    });
    await store.getState().run();
    await until(() => store.getState().status === 'finished');
    // The clock never moved: the first chunk published, the rest only at the end.
    expect(updates).toBe(2);
    expect(store.getState().step).toBe(20);
    expect(store.getState().record?.endStep).toBe(20);
  });

  it('reports an engine error as a typed fault and stops', async () => {
    const worker = fakeWorker({ failAt: 6 });
    const store = setup(worker);
    await store.getState().run();
    await until(() => store.getState().status === 'error');
    const fault = store.getState().fault;
    expect(fault?.kind).toBe('numerical');
    if (fault?.kind === 'numerical') {
      expect(fault.population).toBe('a');
      expect(fault.step).toBe(6);
      expect(fault.message).toContain("population 'a'");
    }
  });

  it('reports a failed compile without starting', async () => {
    const store = setup(fakeWorker({ invalid: true }));
    await store.getState().run();
    expect(store.getState().status).toBe('error');
    expect(store.getState().fault).toEqual({ kind: 'internal', message: 'Error: bad document' });
  });

  it('a worker crash says so, and restart gives a working worker', async () => {
    const worker = fakeWorker();
    const store = setup(worker, () => fakeDocument(1e6));
    await store.getState().run();
    await until(() => store.getState().step >= 4);
    worker.crash('the engine worker failed: boom');
    expect(store.getState().status).toBe('crashed');
    expect(store.getState().crash).toContain('boom');
    expect(worker.terminated()).toBe(1);
    store.getState().restart();
    expect(store.getState().status).toBe('idle');
    expect(store.getState().crash).toBeNull();
    await store.getState().run();
    await until(() => store.getState().step >= 4);
    expect(worker.created()).toBe(2);
    store.getState().cancel();
  });

  it('declares a worker dead when it stops answering pings', async () => {
    const worker = fakeWorker();
    worker.hangPings();
    let clock = 0;
    const store = createSessionStore({
      createClient: worker.factory,
      readDocument: () => ({ document: fakeDocument(1e6), revision: 1 }),
      now: () => clock,
      watchdogMs: 500,
    });
    store.getState().setSpeed(0.001); // slow, so the run stays open
    await store.getState().run();
    clock = 0;
    await new Promise((r) => setTimeout(r, 1100)); // first ping goes out
    clock = 1000;
    await until(() => store.getState().status === 'crashed', 3000);
    expect(store.getState().crash).toContain('stopped responding');
  });
});
