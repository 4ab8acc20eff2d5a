/**
 * The loss of the contract (`types.ts`) on the host: softmax cross-entropy of
 * `logitScale * spike count` of each output neuron, the prediction (most spikes, lowest index
 * on ties) and dL/ds, which is the same at every step because a count is a sum over steps.
 */
import type { Floats } from './ops.ts';

export interface CountLoss {
  /** Mean over the batch. */
  loss: number;
  predictions: Int32Array;
  /** `scale * logitScale * (softmax - onehot) / batch`, batch x classes: dL/ds_t of every t. */
  gradient: Float64Array;
}

/**
 * Loss, predictions and dL/ds for a batch's output counts (batch x classes); `scale`
 * multiplies the loss and its gradient (truncated BPTT averages its chunks' losses).
 *
 * @example countLoss(Float64Array.of(3, 0), Int32Array.of(0), 2, 1, 1).predictions[0] === 0
 */
export function countLoss(
  counts: Floats,
  labels: Int32Array,
  classes: number,
  logitScale: number,
  scale = 1,
): CountLoss {
  const batch = labels.length;
  const predictions = new Int32Array(batch);
  const gradient = new Float64Array(batch * classes);
  let total = 0;
  for (let b = 0; b < batch; b++) {
    let max = -Infinity;
    let best = 0;
    for (let k = 0; k < classes; k++) {
      const c = counts[b * classes + k] ?? 0;
      if (c > max) {
        max = c;
        best = k;
      }
    }
    predictions[b] = best;
    // Softmax shifted by the largest logit so that exp never overflows.
    let sum = 0;
    for (let k = 0; k < classes; k++)
      sum += Math.exp(logitScale * ((counts[b * classes + k] ?? 0) - max));
    const label = labels[b] ?? 0;
    const logSum = Math.log(sum) + logitScale * max;
    total += logSum - logitScale * (counts[b * classes + label] ?? 0);
    for (let k = 0; k < classes; k++) {
      const p = Math.exp(logitScale * (counts[b * classes + k] ?? 0) - logSum);
      gradient[b * classes + k] = (scale * logitScale * (p - (k === label ? 1 : 0))) / batch;
    }
  }
  return { loss: (scale * total) / batch, predictions, gradient };
}
