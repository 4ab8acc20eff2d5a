/**
 * The engine's web worker: comlink exposes `createEngineService` over the real engine. Chunks'
 * typed arrays are transferred, not copied, on their way to the page.
 */
import { expose, transfer } from 'comlink';
import { createSimulation } from '../src/engine/simulation.ts';
import { createEngineService } from './engine-service.ts';

expose(
  createEngineService(createSimulation, (sink, event, buffers) => {
    sink(transfer(event, buffers));
  }),
);
