/**
 * `createSimulation(document)`: validate, compile, pick a backend, and wrap its runner as the
 * `Simulation` the CLI, the worker and the tests use.
 */
import type { NetworkDocument } from '../model/document.ts';
import { validateDocument } from '../model/validate.ts';
import type { Chunk, LiveChange, ResolvedBackend, Simulation, SimulationOptions } from './api.ts';
import type { BackendRunner } from './backends/backend.ts';
import { compile } from './compile/index.ts';
import { DocumentInvalidError } from './errors.ts';
import { applyToPlan } from './live/apply-plan.ts';
import type { LiveEdit } from './live/live-edit.ts';
import { hasLiveWeightControl, resolveLive, withLiveValue } from './live/resolve.ts';
import type { Plan } from './plan.ts';
import { ChunkBuilder } from './record/chunk-builder.ts';
import { resolveBackend } from './resolve-backend.ts';

/**
 * Validates the document (rejecting with `DocumentInvalidError` listing every issue), compiles
 * it within the memory budget (`MemoryBudgetError`), and starts the backend named by
 * `options.backend` or the document (`BackendUnavailableError` if it cannot run here).
 *
 * @example
 * const sim = await createSimulation(doc, { backend: 'reference' });
 * const chunk = await sim.step(1000);
 * console.log(sim.backend, chunk.spikes['E']?.steps.length);
 */
export async function createSimulation(
  document: NetworkDocument,
  options: SimulationOptions = {},
): Promise<Simulation> {
  const validated = validateDocument(document);
  if (!validated.ok) throw new DocumentInvalidError(validated.issues);
  const plan = compile(
    validated.document,
    options.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: options.memoryBudgetBytes },
  );
  const runner = await resolveBackend(plan, options.backend ?? validated.document.run.backend, {
    liveWeights: hasLiveWeightControl(validated.document),
  });
  return new EngineSimulation(validated.document, plan, runner);
}

/** A runner behind the `Simulation` interface: bounded steps, calls served one at a time. */
class EngineSimulation implements Simulation {
  readonly backend: ResolvedBackend;
  readonly dt: number;
  readonly totalSteps: number;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    /** The document the plan was compiled from, with the live changes made since. */
    private document: NetworkDocument,
    private readonly plan: Plan,
    private readonly runner: BackendRunner,
  ) {
    this.backend = runner.name;
    this.dt = plan.dt;
    this.totalSteps = plan.totalSteps;
  }

  get currentStep(): number {
    return this.runner.currentStep;
  }

  step(n: number): Promise<Chunk> {
    return this.serialize(() => {
      const remaining = this.totalSteps - this.runner.currentStep;
      const steps = Math.max(0, Math.min(Math.floor(n), remaining));
      if (steps === 0) {
        return Promise.resolve(
          new ChunkBuilder(this.plan, this.runner.currentStep, 0).finish(0, 0),
        );
      }
      return this.runner.run(steps);
    });
  }

  reset(): Promise<void> {
    return this.serialize(() => this.runner.reset());
  }

  learnedWeights(): Promise<Record<string, Float32Array>> {
    return this.serialize(async () => {
      const out: Record<string, Float32Array> = {};
      for (const [index, projection] of this.plan.projections.entries()) {
        const p = projection.plasticity;
        if (p?.rule !== undefined || p?.structural !== undefined) {
          out[projection.id] = await this.runner.learnedWeights(index);
        }
      }
      return out;
    });
  }

  setParameters(changes: readonly LiveChange[]): Promise<number> {
    return this.serialize(async () => {
      // All or nothing: every change resolves and the edited document validates before the plan
      // or the backend sees any of them.
      let doc = this.document;
      const edits: LiveEdit[] = [];
      for (const { path, value } of changes) {
        edits.push(resolveLive(doc, path, value, this.plan.dt));
        doc = withLiveValue(doc, path, value);
      }
      const validated = validateDocument(doc);
      if (!validated.ok) throw new DocumentInvalidError(validated.issues);
      this.document = doc;
      for (const edit of edits) applyToPlan(this.plan, edit);
      await this.runner.applyLive(edits);
      return this.runner.currentStep;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.runner.dispose();
  }

  /** Runs `task` after every earlier call settled, so overlapping calls never interleave. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.disposed) throw new Error('the simulation was disposed');
      return task();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
