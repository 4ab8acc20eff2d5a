/**
 * The training web worker: comlink exposes `createTrainingService` over the real trainers and
 * the built-in synthetic dataset, so a long training never blocks the page.
 */
import { expose } from 'comlink';
import { syntheticDataset, train } from '../src/engine/learning/train/index.ts';
import { createTrainingService } from './training-service.ts';

expose(createTrainingService(train, syntheticDataset));
