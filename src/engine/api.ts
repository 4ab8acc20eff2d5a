/**
 * The engine's public surface: what the CLI, the worker and the tests call. Backends hide
 * behind `Simulation`; everything that crosses a worker boundary is plain data or typed arrays.
 */
import type { BackendChoice } from '../model/document.ts';

/** The backend that actually runs, always reported to the user. */
export type ResolvedBackend =
  'reference' | 'wasm' | 'gpu:webgpu' | 'gpu:webgl2' | 'gpu:webasm' | 'gpu:cpu';

export interface SimulationOptions {
  /** Overrides the document's `run.backend`. */
  backend?: BackendChoice;
  /** Refuse to allocate more than this many bytes of state (default 1 GiB). */
  memoryBudgetBytes?: number;
}

/** Spikes of one population within a chunk, in step order, ascending index within a step. */
export interface SpikeBlock {
  /** Absolute step number of each spike (step 0 is the first step of the run). */
  steps: Int32Array;
  /** Neuron index within the population. */
  indices: Uint32Array;
}

/** Samples of a state probe: `values[k * neurons.length + n]` is neuron n after step `steps[k]`. */
export interface TraceBlock {
  steps: Int32Array;
  values: Float32Array;
}

/** Spike count of a rate probe's population at every step of the chunk. */
export interface CountBlock {
  counts: Uint32Array;
}

/** What `step(n)` returns: everything recorded during steps [startStep, startStep + steps). */
export interface Chunk {
  startStep: number;
  steps: number;
  /** Keyed by population id (populations with a `spikes` probe). */
  spikes: Record<string, SpikeBlock>;
  /** Keyed by probe id. */
  traces: Record<string, TraceBlock>;
  /** Keyed by probe id. */
  counts: Record<string, CountBlock>;
  /** Wall-clock milliseconds spent stepping (not recording or copying). */
  wallMs: number;
}

/** One live change: a document path (the classroom's `ParamPath`) and its new value. */
export interface LiveChange {
  path: string;
  value: number;
}

export interface Simulation {
  readonly backend: ResolvedBackend;
  readonly dt: number;
  /** Steps in the document's full duration. */
  readonly totalSteps: number;
  /** Steps already simulated. */
  readonly currentStep: number;
  /** Advance n steps and return what was recorded. Rejects with `NumericalError` on NaN/Inf. */
  step(n: number): Promise<Chunk>;
  /** Back to step 0 with the initial state (same seed, same connectivity). */
  reset(): Promise<void>;
  /**
   * The current weights of every projection whose weights change while it runs (a weight rule
   * or structural plasticity), keyed by projection id, one float32 per synapse in connection
   * order: what the page writes back as `{ kind: 'explicit', values }`.
   */
  learnedWeights(): Promise<Record<string, Float32Array>>;
  /**
   * Changes live parameters (`src/engine/live/resolve.ts`: stimulus amplitudes, biases, LIF
   * thresholds, Poisson rates, constant weights) from the next step on, keeping the state: a
   * change between two `step` calls takes effect at the first step of the second. Rejects with
   * `LiveParamError` naming a path that cannot change live, or `DocumentInvalidError` when a
   * value would make the document invalid; then nothing changed. Resolves with the step the
   * changes take effect at (the steps simulated when they were made).
   */
  setParameters(changes: readonly LiveChange[]): Promise<number>;
  /** Free device memory and workers. */
  dispose(): void;
}
