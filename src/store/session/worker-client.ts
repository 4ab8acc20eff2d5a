/**
 * The real engine worker behind the `EngineClient` interface: a module worker wrapped with
 * comlink. A worker that throws outside any call, fails to load, or receives an unreadable
 * message is treated as dead; the store then offers a restart.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineWorkerApi } from '../../../workers/protocol.ts';
import type { EngineClient, EngineClientFactory } from './types.ts';

/** Starts an engine worker. */
export const createWorkerClient: EngineClientFactory = (onCrash) => {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'spikelab-engine',
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    onCrash(
      event.message ? `the engine worker failed: ${event.message}` : 'the engine worker failed',
    );
  });
  worker.addEventListener('messageerror', () => {
    onCrash('the engine worker sent a message the page could not read');
  });
  const remote: Remote<EngineWorkerApi> = wrap<EngineWorkerApi>(worker);
  const client: EngineClient = {
    open: (request, sink) => remote.open(request, proxy(sink)),
    play: () => remote.play(),
    pause: () => remote.pause(),
    step: (steps) => remote.step(steps),
    ack: (seq) => remote.ack(seq),
    setSpeed: (speed) => remote.setSpeed(speed),
    learnedWeights: () => remote.learnedWeights(),
    setParameters: (changes) => remote.setParameters(changes),
    ping: () => remote.ping(),
    close: () => remote.close(),
    debugCrash: (mode) => remote.debugCrash(mode),
    terminate: () => worker.terminate(),
  };
  return client;
};
