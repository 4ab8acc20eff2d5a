/**
 * Elastic weight consolidation (Kirkpatrick et al. 2017): after a task, remember its
 * parameters w* and how much the task cares about each one (the diagonal of the Fisher
 * information F), then train later tasks on their loss plus `lambda/2 * sum_i F_i (w_i - w*_i)^2`,
 * so parameters that mattered move little and the others stay free.
 *
 * The seed's "Fisher" is |w|: a large weight is not an important one (a weight can be large and
 * unused, or small and decisive), and |w| does not depend on the task's data at all. F here is
 * the empirical Fisher: the mean over the task's samples of the squared per-sample gradient of
 * the loss at w*, which measures how sharply each sample's loss changes with that parameter.
 */
import type { Differentiable } from './train/types.ts';

/** A consolidated task: its parameters and the diagonal Fisher at them. */
export interface EwcAnchor {
  readonly params: Float32Array;
  readonly fisher: Float32Array;
}

/**
 * The diagonal empirical Fisher at `params`: the mean over `samples` (one batch per sample) of
 * each gradient component squared.
 *
 * @example diagonalFisher(model, trained, taskA.map((s) => [s]))
 */
export function diagonalFisher<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  samples: readonly Batch[],
): Float32Array {
  checkSize(model, params, 'diagonalFisher');
  if (samples.length === 0) throw new RangeError('diagonalFisher: needs at least one sample');
  // Summed in float64: thousands of small squares lose digits in float32.
  const sum = new Float64Array(model.size);
  for (const sample of samples) {
    const { gradient } = model.lossAndGradient(params, sample);
    for (let i = 0; i < sum.length; i++) {
      const g = gradient[i] ?? 0;
      sum[i] = (sum[i] ?? 0) + g * g;
    }
  }
  return Float32Array.from(sum, (s) => s / samples.length);
}

/**
 * Consolidates a trained task: a copy of its parameters and the Fisher at them.
 *
 * @example const anchor = consolidate(model, paramsAfterA, taskASamples);
 */
export function consolidate<Batch>(
  model: Differentiable<Batch>,
  params: Float32Array,
  samples: readonly Batch[],
): EwcAnchor {
  return { params: params.slice(), fisher: diagonalFisher(model, params, samples) };
}

/** `sum over anchors of lambda/2 * sum_i F_i (w_i - w*_i)^2` at `params`, and its gradient. */
export function ewcPenalty(
  params: Float32Array,
  anchors: readonly EwcAnchor[],
  lambda: number,
): { penalty: number; gradient: Float32Array } {
  const gradient = new Float32Array(params.length);
  let penalty = 0;
  for (const anchor of anchors) {
    for (let i = 0; i < params.length; i++) {
      const f = anchor.fisher[i] ?? 0;
      const d = (params[i] ?? 0) - (anchor.params[i] ?? 0);
      penalty += 0.5 * lambda * f * d * d;
      gradient[i] = (gradient[i] ?? 0) + lambda * f * d;
    }
  }
  return { penalty, gradient };
}

/**
 * `model` with the EWC penalty of `anchors` (one per earlier task, as in the paper) added to its
 * loss and gradient: train a later task on this instead of on `model`.
 *
 * @example const guarded = withEwc(model, [anchorA], 100); guarded.lossAndGradient(w, batchB)
 */
export function withEwc<Batch>(
  model: Differentiable<Batch>,
  anchors: readonly EwcAnchor[],
  lambda: number,
): Differentiable<Batch> {
  if (!Number.isFinite(lambda) || lambda < 0) {
    throw new RangeError(`withEwc: lambda must be a finite number >= 0, got ${lambda}`);
  }
  anchors.forEach((a, k) => {
    if (a.params.length !== model.size || a.fisher.length !== model.size) {
      throw new RangeError(
        `withEwc: anchor ${k} has ${a.params.length} parameters and ${a.fisher.length} Fisher values; the model has ${model.size}`,
      );
    }
  });
  return {
    size: model.size,
    lossAndGradient(params, batch) {
      const { loss, gradient } = model.lossAndGradient(params, batch);
      const ewc = ewcPenalty(params, anchors, lambda);
      for (let i = 0; i < gradient.length; i++) {
        gradient[i] = (gradient[i] ?? 0) + (ewc.gradient[i] ?? 0);
      }
      return { loss: loss + ewc.penalty, gradient };
    },
  };
}

function checkSize<Batch>(model: Differentiable<Batch>, params: Float32Array, what: string): void {
  if (params.length !== model.size) {
    throw new RangeError(`${what}: ${params.length} parameters given, the model has ${model.size}`);
  }
}
