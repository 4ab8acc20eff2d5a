/**
 * The sweep web worker: comlink exposes `createSweepService` over the engine's `runSweep`, so
 * a sweep's batch never blocks the page.
 */
import { expose } from 'comlink';
import { createSweepService } from './sweep-service.ts';

expose(createSweepService());
