/**
 * Meta-learning an initialisation that adapts to a new task in a few gradient steps, over any
 * `Differentiable` (a spiking network through `snnObjective`, or a plain model).
 *
 * Per task: the inner loop takes `innerSteps` SGD steps of rate `innerLr` on the task's support
 * batch, from the shared parameters θ to adapted ones θ'. The outer step then moves θ:
 *
 * - `'fomaml'`: first-order MAML (Finn, Abbeel & Levine 2017, section 5.2): the gradient of the
 *   query loss at θ', averaged over the tasks, taken as the gradient at θ (the second-order
 *   terms through the inner loop dropped); `θ -= outerLr * mean ∇L_query(θ')`.
 * - `'reptile'`: what the seed's `MetaLearner.outer_step` does, which is Reptile (Nichol,
 *   Achiam & Schulman 2018), not MAML: `θ += outerLr * mean (θ' - θ)`; the query batch is not
 *   used.
 */
import type { Differentiable } from './train/types.ts';

/** One task of the meta-training set: data to adapt on, and data to judge the adaptation by. */
export interface MetaTask<Batch> {
  support: Batch;
  query: Batch;
}

export type MetaOuterStep = 'fomaml' | 'reptile';

export interface MetaOptions {
  innerSteps: number;
  innerLr: number;
  outerLr: number;
  outer: MetaOuterStep;
}

/** The result of one outer step. */
export interface MetaStepResult {
  /** The new shared parameters (a new array). */
  params: Float32Array;
  /** Mean over the tasks of the query loss after adaptation, before this step's update. */
  queryLoss: number;
}

/**
 * The inner loop: `steps` plain SGD steps of rate `lr` on `batch` from `params` (not modified).
 *
 * @example const adapted = adapt(model, meta, task.support, 5, 0.01);
 */
export function adapt<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  batch: Batch,
  steps: number,
  lr: number,
): Float32Array {
  if (params.length !== model.size) {
    throw new RangeError(`adapt: ${params.length} parameters given, the model has ${model.size}`);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`adapt: the inner steps must be a whole number >= 0, got ${steps}`);
  }
  const theta = params.slice();
  for (let s = 0; s < steps; s++) {
    const { gradient } = model.lossAndGradient(theta, batch);
    for (let i = 0; i < theta.length; i++) theta[i] = (theta[i] ?? 0) - lr * (gradient[i] ?? 0);
  }
  return theta;
}

/**
 * One meta-update of `params` over `tasks` (see the file comment for the two outer steps).
 *
 * @example
 * let meta = new Float32Array(model.size);
 * for (let k = 0; k < 500; k++) meta = metaStep(model, meta, sampleTasks(k), options).params;
 */
export function metaStep<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  tasks: readonly MetaTask<Batch>[],
  options: MetaOptions,
): MetaStepResult {
  checkOptions(options);
  if (tasks.length === 0) throw new RangeError('metaStep: needs at least one task');
  // Accumulated in float64, divided once: the mean over tasks, not a running float32 sum.
  const direction = new Float64Array(model.size);
  let queryLoss = 0;
  for (const task of tasks) {
    const adapted = adapt(model, params, task.support, options.innerSteps, options.innerLr);
    const { loss, gradient } = model.lossAndGradient(adapted, task.query);
    queryLoss += loss;
    for (let i = 0; i < direction.length; i++) {
      const d =
        options.outer === 'fomaml' ? -(gradient[i] ?? 0) : (adapted[i] ?? 0) - (params[i] ?? 0);
      direction[i] = (direction[i] ?? 0) + d;
    }
  }
  const next = Float32Array.from(
    params,
    (p, i) => p + (options.outerLr * (direction[i] ?? 0)) / tasks.length,
  );
  return { params: next, queryLoss: queryLoss / tasks.length };
}

/**
 * Mean query loss over `tasks` after adapting `params` on each task's support batch: the
 * figure meta-learning lowers.
 */
export function adaptedLoss<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  tasks: readonly MetaTask<Batch>[],
  innerSteps: number,
  innerLr: number,
): number {
  if (tasks.length === 0) throw new RangeError('adaptedLoss: needs at least one task');
  let sum = 0;
  for (const task of tasks) {
    const adapted = adapt(model, params, task.support, innerSteps, innerLr);
    sum += model.lossAndGradient(adapted, task.query).loss;
  }
  return sum / tasks.length;
}

function checkOptions(o: MetaOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(o.innerSteps) || o.innerSteps < 0) {
    problems.push(`innerSteps must be a whole number >= 0, got ${o.innerSteps}`);
  }
  if (!Number.isFinite(o.innerLr)) problems.push(`innerLr must be finite, got ${o.innerLr}`);
  if (!Number.isFinite(o.outerLr)) problems.push(`outerLr must be finite, got ${o.outerLr}`);
  if (o.outer !== 'fomaml' && o.outer !== 'reptile') {
    problems.push(`outer must be 'fomaml' or 'reptile', got ${String(o.outer)}`);
  }
  if (problems.length > 0) throw new RangeError(`metaStep: ${problems.join('; ')}`);
}
