/**
 * Parameter sweeps: variants of one document run side by side in one batched plan. See
 * CONTEXT.md in this folder.
 */
export {
  mergePlans,
  parseVariantId,
  SweepMergeError,
  variantId,
  type BatchedPlan,
  type VariantOffsets,
} from './merge-plans.ts';
export { splitChunk } from './split-chunk.ts';
export { Batch, createBatch, type BatchOptions } from './batch.ts';
export { meanRate, SpikeStats } from './measure.ts';
export {
  MAX_SWEEP_VARIANTS,
  sweepValues,
  SweepRangeError,
  type SweepRange,
} from './sweep-values.ts';
export { SWEEP_PROBE_ID, SweepPopulationError, variantDocuments } from './variants.ts';
export {
  runSweep,
  SweepCancelledError,
  type SweepOptions,
  type SweepPoint,
  type SweepResult,
  type SweepSpec,
} from './run-sweep.ts';
