/**
 * Forward-only evaluation of a network on samples, in batches: the test accuracy of every rule
 * and the genetic rule's fitness (one definition of the arithmetic: `evaluateBatch`).
 */
import { makeBatch, paramsOf, releaseParams, uploadParams, type Batch } from './batch.ts';
import { evaluateBatch } from './gradient.ts';
import { runAsync, type TrainOps } from './ops.ts';
import { netShape } from './rules.ts';
import type { SpikeDataset, SpikeSample, TrainNetwork, TrainOptions } from './types.ts';

export interface Evaluation {
  /** Mean loss over the samples (0 for none). */
  loss: number;
  /** Samples classified right. */
  correct: number;
}

/**
 * Mean loss and correct count of `network` over `batches` (forward only, the weights uploaded
 * once).
 */
export async function evaluateBatches<B>(
  ops: TrainOps<B>,
  network: TrainNetwork,
  batches: readonly Batch[],
  logitScale: number,
): Promise<Evaluation> {
  const params = await runAsync(uploadParams(ops, paramsOf(network)));
  let lossSum = 0;
  let correct = 0;
  let samples = 0;
  try {
    for (const batch of batches) {
      const r = await runAsync(
        evaluateBatch(ops, netShape(network), params, batch, network.neuron.vRest, logitScale),
      );
      lossSum += r.loss * batch.size;
      correct += countCorrect(r.predictions, batch);
      samples += batch.size;
    }
  } finally {
    releaseParams(ops, params);
  }
  return { loss: samples > 0 ? lossSum / samples : 0, correct };
}

/** `samples` in consecutive batches of `batchSize`, in the kernels' layout. */
export function batchesOf(
  samples: readonly SpikeSample[],
  dataset: Pick<SpikeDataset, 'steps' | 'inputSize'>,
  batchSize: number,
): Batch[] {
  const out: Batch[] = [];
  for (let k = 0; k < samples.length; k += batchSize) {
    out.push(makeBatch(samples.slice(k, k + batchSize), dataset.steps, dataset.inputSize));
  }
  return out;
}

/**
 * The fraction of `samples` the network classifies right (forward only, in batches of
 * `options.batchSize`); 0 for no samples.
 */
export async function accuracy<B>(
  ops: TrainOps<B>,
  network: TrainNetwork,
  samples: readonly SpikeSample[],
  dataset: Pick<SpikeDataset, 'steps' | 'inputSize'>,
  options: Pick<TrainOptions, 'batchSize' | 'logitScale'>,
): Promise<number> {
  if (samples.length === 0) return 0;
  const batches = batchesOf(samples, dataset, options.batchSize);
  const { correct } = await evaluateBatches(ops, network, batches, options.logitScale);
  return correct / samples.length;
}

export function countCorrect(predictions: Int32Array, batch: Batch): number {
  let n = 0;
  predictions.forEach((p, b) => (n += p === batch.labels[b] ? 1 : 0));
  return n;
}
