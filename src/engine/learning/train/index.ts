/**
 * Offline training of spiking networks (issue 6): the trainers' public surface.
 */
export { train, accuracy } from './train.ts';
export { createTrainOps, neuronConstants } from './device.ts';
export type { TrainOps } from './ops.ts';
export { syntheticDataset, datasetProblems as syntheticDatasetProblems } from './dataset.ts';
export { snnObjective, flattenParams, unflattenParams } from './objective.ts';
export type { ObjectiveOptions } from './objective.ts';
export { benchTraining } from './bench.ts';
export type { TrainingBenchOptions, TrainingBenchResult } from './bench.ts';
export { GENETIC_DEFAULTS } from './genetic-settings.ts';
export { optionProblems, networkProblems } from './validate.ts';
export type * from './types.ts';
