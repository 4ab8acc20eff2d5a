/**
 * What every backend implements. `createSimulation()` picks one, hands it the compiled plan,
 * and wraps it as a `Simulation`. A backend owns its state (typed arrays, wasm memory or GPU
 * buffers) and fills a `Chunk` through `ChunkBuilder`, so recorded output never differs in form.
 */
import type { Chunk, ResolvedBackend } from '../api.ts';
import type { LiveEdit } from '../live/live-edit.ts';
import type { Plan } from '../plan.ts';

export interface BackendRunner {
  readonly name: ResolvedBackend;
  /** Steps simulated since the start (or the last reset). */
  readonly currentStep: number;
  /**
   * Advance n steps (n >= 1) following CONTEXT.md exactly and return what the plan's probes
   * recorded. Throws `NumericalError` on a non-finite state value.
   */
  run(n: number): Promise<Chunk>;
  /** Restore the plan's initial state and step 0. */
  reset(): Promise<void>;
  /**
   * A copy of the current weights (CSR order, float32) of projection `projection`, which has a
   * weight rule or structural plasticity (`ProjectionPlan.plasticity.rule`/`.structural`):
   * what "keep learned weights" writes back into the document.
   */
  learnedWeights(projection: number): Promise<Float32Array>;
  /**
   * Live edits already written into the plan (`live/apply-plan.ts`): copy them wherever the
   * backend keeps its own copy of those constants, without resetting the state, so that the
   * next `run` steps with them.
   */
  applyLive(edits: readonly LiveEdit[]): Promise<void>;
  dispose(): void;
}

/** Builds a runner for a plan, or throws `BackendUnavailableError` saying why it cannot. */
export type BackendFactory = (plan: Plan) => Promise<BackendRunner>;
