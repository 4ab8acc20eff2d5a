/**
 * `createBatch(documents)`: validate and compile every variant document, merge the plans
 * (`merge-plans.ts`) and start one backend on the batched plan. Each `step` advances every
 * variant together and returns one chunk per variant.
 */
import type { BackendChoice, NetworkDocument } from '../../model/document.ts';
import { validateDocument } from '../../model/validate.ts';
import type { Chunk, ResolvedBackend } from '../api.ts';
import type { BackendRunner } from '../backends/backend.ts';
import { compile, DEFAULT_MEMORY_BUDGET_BYTES } from '../compile/index.ts';
import { DocumentInvalidError, MemoryBudgetError, formatBytes } from '../errors.ts';
import { resolveBackend } from '../resolve-backend.ts';
import { mergePlans, type BatchedPlan } from './merge-plans.ts';
import { splitChunk } from './split-chunk.ts';

export interface BatchOptions {
  /** Overrides the documents' `run.backend`. */
  backend?: BackendChoice;
  /** The whole batch's budget (default 1 GiB): the variants' plans together must fit it. */
  memoryBudgetBytes?: number;
}

export class Batch {
  readonly backend: ResolvedBackend;
  readonly dt: number;
  readonly totalSteps: number;

  constructor(
    readonly batched: BatchedPlan,
    private readonly runner: BackendRunner,
  ) {
    this.backend = runner.name;
    this.dt = batched.plan.dt;
    this.totalSteps = batched.plan.totalSteps;
  }

  get variants(): number {
    return this.batched.variants;
  }

  get currentStep(): number {
    return this.runner.currentStep;
  }

  /** Advances every variant by up to n steps (never past the end); one chunk per variant. */
  async step(n: number): Promise<Chunk[]> {
    const steps = Math.max(0, Math.min(Math.floor(n), this.totalSteps - this.currentStep));
    if (steps === 0) return [];
    return splitChunk(await this.runner.run(steps), this.variants);
  }

  dispose(): void {
    this.runner.dispose();
  }
}

/**
 * @example
 * const batch = await createBatch([docA, docB], { backend: 'webasm' });
 * const [a, b] = await batch.step(batch.totalSteps);
 */
export async function createBatch(
  documents: readonly NetworkDocument[],
  options: BatchOptions = {},
): Promise<Batch> {
  const budget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
  const plans = documents.map((doc, v) => {
    const validated = validateDocument(doc);
    if (!validated.ok) {
      // Name the variant: its document differs from the others only by the swept value.
      throw new DocumentInvalidError(
        validated.issues.map((i) => ({ ...i, path: `variant ${v}: ${i.path}` })),
      );
    }
    return compile(validated.document, { memoryBudgetBytes: budget });
  });
  const batched = mergePlans(plans);
  if (batched.plan.estimatedBytes > budget) {
    throw new MemoryBudgetError(
      batched.plan.estimatedBytes,
      budget,
      `${plans.length} variants of about ${formatBytes(plans[0]?.estimatedBytes ?? 0)} each`,
    );
  }
  const choice = options.backend ?? documents[0]?.run.backend ?? 'auto';
  return new Batch(batched, await resolveBackend(batched.plan, choice));
}
