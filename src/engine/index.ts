/**
 * The engine's public surface. The CLI, the worker and the tests import from here; backends
 * other than `reference` are loaded on demand by `createSimulation`.
 */
export type {
  Chunk,
  CountBlock,
  ResolvedBackend,
  Simulation,
  SimulationOptions,
  SpikeBlock,
  TraceBlock,
} from './api.ts';
export type { BackendFactory, BackendRunner } from './backends/backend.ts';
export {
  BackendUnavailableError,
  DocumentInvalidError,
  MemoryBudgetError,
  NumericalError,
  formatBytes,
} from './errors.ts';
export type * from './plan.ts';
export { compile, DEFAULT_MEMORY_BUDGET_BYTES, type CompileOptions } from './compile/index.ts';
export {
  estimateMemory,
  bytesPerSynapse,
  type MemoryEstimate,
  type ProjectionEstimate,
} from './compile/memory-estimate.ts';
export { createSimulation } from './simulation.ts';
export { mergeChunks, runToEnd } from './run-to-end.ts';
export { resolveBackend, type GpuBackendFactory, type GpuMode } from './resolve-backend.ts';
