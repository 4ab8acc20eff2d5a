/**
 * Meta-learning an initialisation that adapts to a new task in a few gradient steps, over any
 * `Differentiable` (a spiking network through `snnObjective`, or a plain model).
 *
 * Per task: the inner loop takes `innerSteps` SGD steps of rate `innerLr` on the task's support
 * batch, from the shared parameters θ to adapted ones θ'. The outer step then moves θ:
 *
 * - `'maml'`: MAML (Finn, Abbeel & Levine 2017): the gradient of the query loss at θ' with
 *   respect to θ, through the inner loop: with θ_0 = θ and θ_{k+1} = θ_k - innerLr ∇L_s(θ_k),
 *   it is `(I - innerLr H_0) ... (I - innerLr H_{n-1}) ∇L_query(θ_n)` (H_k the support loss's
 *   Hessian at θ_k), applied right to left as Hessian-vector products. A `Differentiable` gives
 *   gradients only, so each product is a central difference of two gradients along the vector
 *   (exact up to rounding for a quadratic loss): two more gradient evaluations per inner step.
 * - `'fomaml'`: first-order MAML (the paper's section 5.2): the same with every H dropped,
 *   `θ -= outerLr * mean ∇L_query(θ')`.
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

export type MetaOuterStep = 'maml' | 'fomaml' | 'reptile';

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
  const path = trajectory(model, params, batch, steps, lr);
  return path[path.length - 1] ?? params.slice();
}

/** θ_0 (a copy of `params`) ... θ_steps of the inner loop. */
function trajectory<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  batch: Batch,
  steps: number,
  lr: number,
): Float32Array[] {
  const path = [params.slice()];
  for (let s = 0; s < steps; s++) {
    const theta = path[s] ?? params;
    const { gradient } = model.lossAndGradient(theta, batch);
    path.push(Float32Array.from(theta, (t, i) => t - lr * (gradient[i] ?? 0)));
  }
  return path;
}

/**
 * `H v` of the loss on `batch` at `params`, by a central difference of gradients along v. The
 * step puts `h * max|v|` at 1 % of the parameters' scale: far above float32's rounding of the
 * parameters (a relative 6e-8), small enough for a smooth loss.
 *
 * @example hessianVectorProduct(model, theta, task.support, v)
 */
export function hessianVectorProduct<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  batch: Batch,
  v: ArrayLike<number>,
): Float64Array {
  let vMax = 0;
  let pMax = 1;
  for (let i = 0; i < params.length; i++) {
    vMax = Math.max(vMax, Math.abs(v[i] ?? 0));
    pMax = Math.max(pMax, Math.abs(params[i] ?? 0));
  }
  const out = new Float64Array(params.length);
  if (vMax === 0) return out;
  const h = (0.01 * pMax) / vMax;
  const gp = model.lossAndGradient(
    Float32Array.from(params, (p, i) => p + h * (v[i] ?? 0)),
    batch,
  ).gradient;
  const gm = model.lossAndGradient(
    Float32Array.from(params, (p, i) => p - h * (v[i] ?? 0)),
    batch,
  ).gradient;
  for (let i = 0; i < out.length; i++) out[i] = ((gp[i] ?? 0) - (gm[i] ?? 0)) / (2 * h);
  return out;
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
    const path = trajectory(model, params, task.support, options.innerSteps, options.innerLr);
    const adapted = path[path.length - 1] ?? params;
    const { loss, gradient } = model.lossAndGradient(adapted, task.query);
    queryLoss += loss;
    let g: ArrayLike<number> = gradient;
    if (options.outer === 'maml') {
      // Right to left: v <- (I - lr H_k) v for k = n-1 down to 0.
      const v = Float64Array.from(gradient);
      for (let k = options.innerSteps - 1; k >= 0; k--) {
        const hv = hessianVectorProduct(model, path[k] ?? params, task.support, v);
        for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) - options.innerLr * (hv[i] ?? 0);
      }
      g = v;
    }
    for (let i = 0; i < direction.length; i++) {
      const d = options.outer === 'reptile' ? (adapted[i] ?? 0) - (params[i] ?? 0) : -(g[i] ?? 0);
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
  if (o.outer !== 'maml' && o.outer !== 'fomaml' && o.outer !== 'reptile') {
    problems.push(`outer must be 'maml', 'fomaml' or 'reptile', got ${String(o.outer)}`);
  }
  if (problems.length > 0) throw new RangeError(`metaStep: ${problems.join('; ')}`);
}
