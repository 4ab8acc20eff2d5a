/**
 * The real training worker behind the `TrainingClient` interface: a module worker wrapped with
 * comlink. A worker that throws outside any call, fails to load, or sends an unreadable message
 * is treated as dead; the store then reports it and starts a fresh one for the next training.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { TrainingWorkerApi } from '../../../workers/training-protocol.ts';
import type { TrainingClientFactory } from './types.ts';

/** Starts a training worker. */
export const createTrainingWorkerClient: TrainingClientFactory = (onCrash) => {
  const worker = new Worker(new URL('../../../workers/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'spikelab-training',
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    onCrash(
      event.message ? `the training worker failed: ${event.message}` : 'the training worker failed',
    );
  });
  worker.addEventListener('messageerror', () => {
    onCrash('the training worker sent a message the page could not read');
  });
  const remote: Remote<TrainingWorkerApi> = wrap<TrainingWorkerApi>(worker);
  return {
    train: (request, sink) => remote.train(request, proxy(sink)),
    cancel: () => remote.cancel(),
    terminate: () => worker.terminate(),
  };
};
