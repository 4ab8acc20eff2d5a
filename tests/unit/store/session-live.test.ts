/**
 * Live changes through the session store and the engine service: sent while a run is open,
 * one request at a time with the last value of each path winning, logged in the record with
 * the step they took effect at, exported with the run; refusals reported, nothing without a run.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { exportRun } from '../../../src/store/session/export.ts';
import { liveMarkerText } from '../../../src/store/session/live-log.ts';
import { createSessionStore } from '../../../src/store/session/store.ts';
import type { EngineClient } from '../../../src/store/session/types.ts';
import { createEngineService } from '../../../workers/engine-service.ts';
import { liveNetwork } from '../engine/fixtures/live-network.ts';
import { fakeDocument, fakeWorker, until } from './session-fakes.ts';

describe('live changes in a session', () => {
  it('sends the last value of each path, one request at a time, and logs the step', async () => {
    const live: { step: number; path: string; value: number }[] = [];
    const worker = fakeWorker({ live });
    const doc = fakeDocument();
    const store = createSessionStore({
      createClient: worker.factory,
      readDocument: () => ({ document: doc, revision: 1 }),
      chunkMs: 2,
      fastChunkMs: 2,
      progressMs: 0,
    });
    expect(store.getState().setLive('populations/a/params/bias', 1)).toBe(false);
    await store.getState().stepOnce(6);
    await until(() => store.getState().status === 'paused' && store.getState().step === 6);
    // A drag: five positions of one slider and one of another before the worker answers.
    for (const v of [0.1, 0.2, 0.3, 0.4, 0.5]) {
      expect(store.getState().setLive('populations/a/params/bias', v)).toBe(true);
    }
    store.getState().setLive('populations/b/params/bias', 2);
    const record = store.getState().record;
    await until(() => (record?.liveChanges.length ?? 0) >= 3);
    const sent = worker.calls.filter((c) => c.startsWith('setParameters'));
    expect(sent).toEqual([
      'setParameters(populations/a/params/bias=0.1)',
      'setParameters(populations/a/params/bias=0.5,populations/b/params/bias=2)',
    ]);
    expect(live.map((c) => [c.step, c.path, c.value])).toEqual([
      [6, 'populations/a/params/bias', 0.1],
      [6, 'populations/a/params/bias', 0.5],
      [6, 'populations/b/params/bias', 2],
    ]);
    const last = record?.liveChanges[2];
    expect(last && liveMarkerText(last, doc.run.dt)).toBe('b · Bias current = 2 at 3 ms');
    const exported = record && exportRun(record, 'reference');
    expect(exported?.live_changes).toEqual([
      { step: 6, t_ms: 3, path: 'populations/a/params/bias', value: 0.1 },
      { step: 6, t_ms: 3, path: 'populations/a/params/bias', value: 0.5 },
      { step: 6, t_ms: 3, path: 'populations/b/params/bias', value: 2 },
    ]);
    store.getState().reset();
    expect(store.getState().setLive('populations/a/params/bias', 1)).toBe(false);
  });

  it('reports the engine refusing a number that cannot change live, and the run goes on', async () => {
    const store = createSessionStore({
      createClient: () => {
        const service = createEngineService(
          (d) => createSimulation(d, { backend: 'reference' }),
          (sink, event) => sink(event),
        );
        const client: EngineClient = {
          open: (request, sink) => service.open(request, sink),
          play: () => Promise.resolve(service.play()),
          pause: () => Promise.resolve(service.pause()),
          step: (n) => Promise.resolve(service.step(n)),
          ack: (seq) => Promise.resolve(service.ack(seq)),
          setSpeed: (s) => Promise.resolve(service.setSpeed(s)),
          learnedWeights: () => service.learnedWeights(),
          setParameters: (changes) => service.setParameters(changes),
          ping: () => Promise.resolve(0),
          close: () => Promise.resolve(service.close()),
          debugCrash: () => Promise.resolve(),
          terminate: () => service.close(),
        };
        return client;
      },
      readDocument: () => ({ document: liveNetwork(), revision: 1 }),
      progressMs: 0,
    });
    await store.getState().stepOnce(50);
    await until(() => store.getState().status === 'paused' && store.getState().step === 50);
    store.getState().setLive('populations/E/params/tau_mem', 5);
    await until(() => store.getState().liveError !== null);
    expect(store.getState().liveError).toBe(
      "'populations/E/params/tau_mem' cannot change during a run: " +
        "stochastic_lif's params/tau_mem is compiled into the run",
    );
    store.getState().setLive('stimuli/drive/amplitude', 0.2);
    await until(() => store.getState().record?.liveChanges.length === 1);
    expect(store.getState().liveError).toBeNull();
    expect(store.getState().record?.liveChanges[0]?.step).toBe(50);
    await store.getState().run();
    await until(() => store.getState().status === 'finished');
  });
});
