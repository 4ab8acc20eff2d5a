/**
 * The session's `learnedWeights`: asks the worker for the weights of the paused or finished
 * run at the step it stands at, and says why not before a run, while running, and after a
 * cancel (whose worker is gone).
 */
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../src/store/session/store.ts';
import { fakeDocument, fakeWorker, until } from './session-fakes.ts';

function setup(learned: Record<string, number[]>) {
  const worker = fakeWorker({ learned });
  const store = createSessionStore({
    createClient: worker.factory,
    readDocument: () => ({ document: fakeDocument(), revision: 1 }),
    chunkMs: 2,
    fastChunkMs: 2, // 4 steps of 0.5 ms
    windowMs: 3,
    progressMs: 0,
  });
  return { store, worker };
}

describe('session learnedWeights', () => {
  it('refuses before any run, naming what to do', async () => {
    const { store, worker } = setup({ p: [1, 2] });
    const result = await store.getState().learnedWeights();
    expect(result).toEqual({
      ok: false,
      fault: {
        kind: 'internal',
        message: 'no run to take weights from: run the network (the run stays until Reset)',
      },
    });
    expect(worker.calls).not.toContain('learnedWeights');
  });

  it('returns the weights of the step a paused run stands at', async () => {
    const { store } = setup({ p: [0.5, -1] });
    await store.getState().stepOnce(6);
    await until(() => store.getState().status === 'paused' && !store.getState().busy);
    const result = await store.getState().learnedWeights();
    if (!result.ok) throw new Error(result.fault.message);
    // The fake adds the current step to each weight: 6 steps were run.
    expect(result.step).toBe(6);
    expect(Array.from(result.weights.p ?? [])).toEqual([6.5, 5]);
  });

  it('still answers after the run finished (the worker keeps it until the next run)', async () => {
    const { store } = setup({ p: [1] });
    store.getState().setSpeed(1000);
    await store.getState().run();
    await until(() => store.getState().status === 'finished');
    const result = await store.getState().learnedWeights();
    if (!result.ok) throw new Error(result.fault.message);
    expect(result.step).toBe(20);
    expect(Array.from(result.weights.p ?? [])).toEqual([21]);
  });

  it('refuses after a cancel, whose worker was terminated', async () => {
    const { store } = setup({ p: [1] });
    await store.getState().stepOnce(4);
    await until(() => store.getState().status === 'paused' && !store.getState().busy);
    store.getState().cancel();
    const result = await store.getState().learnedWeights();
    expect(result.ok).toBe(false);
  });
});
