/**
 * `train`: epochs of shuffled mini-batches, each batch's gradient by the chosen rule on the
 * chosen device, an optimizer step at the scheduler's rate (the scheduler steps once per
 * batch), progress per batch, metrics per epoch (test accuracy forward-only over the test set).
 * Rule 'genetic' has no gradient: it evolves the weights instead (`genetic-train.ts`).
 */
import { draw32, stepKey, streamKey } from '../../random.ts';
import { createScheduler } from '../schedulers.ts';
import { makeBatch, uploadParams, releaseParams, paramsOf } from './batch.ts';
import { createTrainOps, neuronConstants } from './device.ts';
import { accuracy, countCorrect } from './evaluate.ts';
import { evolveTraining } from './genetic-train.ts';
import { createOptimizer } from './optimizer.ts';
import { runAsync, type Floats, type TrainOps } from './ops.ts';
import { ruleGradient } from './rules.ts';
import type {
  EpochMetrics,
  SpikeDataset,
  SpikeSample,
  TrainHooks,
  TrainNetwork,
  TrainOptions,
  TrainResult,
} from './types.ts';
import { datasetProblems, networkProblems, optionProblems } from './validate.ts';

export { accuracy } from './evaluate.ts';

/** Random stream of the per-epoch shuffle (owner 0, keyed by `options.seed`). */
const SHUFFLE_STREAM = 41;

/**
 * Trains a copy of `network` on `dataset`. Epochs and batches are numbered from 1. Rejects with
 * a `RangeError` listing every bad option or shape, with a `DOMException` named `AbortError`
 * when `hooks.signal` aborts (checked before each batch), with an `Error` naming the epoch and
 * batch when the loss is not finite, and with `BackendUnavailableError` when the device cannot
 * run here. Callbacks are closed however it ends.
 *
 * @example
 * const { network: trained, history } = await train(network, dataset, {
 *   rule: 'bptt', epochs: 10, batchSize: 16, learningRate: 0.01, scheduler: { kind: 'constant' },
 *   optimizer: 'adam', surrogateSlope: 5, logitScale: 1, seed: 1, device: 'js' });
 */
export async function train(
  network: TrainNetwork,
  dataset: SpikeDataset,
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const callbacks = hooks.callbacks ?? [];
  try {
    const problems = [...optionProblems(options), ...networkProblems(network)];
    if (problems.length === 0) problems.push(...datasetProblems(network, dataset));
    if (problems.length > 0) throw new RangeError(`train: ${problems.join('; ')}`);
    // The genetic rule runs forward only: the slope (read by backward kernels alone) is unused.
    const slope = options.rule === 'genetic' ? 1 : options.surrogateSlope;
    const ops = await createTrainOps(options.device, neuronConstants(network.neuron, slope));
    try {
      const run = options.rule === 'genetic' ? evolveTraining : epochs;
      return await run(ops, copyNetwork(network), dataset, options, hooks);
    } finally {
      ops.dispose();
    }
  } finally {
    callbacks.forEach((c) => c.close());
  }
}

async function epochs<B>(
  ops: TrainOps<B>,
  network: TrainNetwork,
  dataset: SpikeDataset,
  options: TrainOptions,
  hooks: TrainHooks,
): Promise<TrainResult> {
  const scheduler = createScheduler(options.scheduler, options.learningRate);
  const optimizer = createOptimizer(options.optimizer);
  const host = paramsOf(network);
  // The optimizer's flat list: every layer's weights, then every recurrent matrix present.
  const arrays = [
    ...network.layers.map((l) => l.weights),
    ...network.layers.flatMap((l) => (l.recurrent ? [l.recurrent] : [])),
  ];
  const history: EpochMetrics[] = [];
  const batches = Math.ceil(dataset.train.length / options.batchSize);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const order = shuffled(dataset.train.length, options.seed, epoch);
    const started = performance.now();
    let lossSum = 0;
    let correct = 0;
    for (let k = 0; k < batches; k++) {
      if (hooks.signal?.aborted) {
        throw new DOMException(
          `training aborted before epoch ${epoch}, batch ${k + 1}`,
          'AbortError',
        );
      }
      const samples = order
        .slice(k * options.batchSize, (k + 1) * options.batchSize)
        .map((i) => dataset.train[i] as SpikeSample);
      const batch = makeBatch(samples, dataset.steps, dataset.inputSize);
      const params = await runAsync(uploadParams(ops, host));
      const g = await runAsync(ruleGradient(ops, network, params, batch, options));
      releaseParams(ops, params);
      if (!Number.isFinite(g.loss)) {
        throw new Error(
          `train: the loss is ${g.loss} at epoch ${epoch}, batch ${k + 1}: training diverged (lower the learning rate or the logit scale)`,
        );
      }
      const grads: Floats[] = [
        ...g.gradient.weights,
        ...g.gradient.recurrent.filter((r): r is Floats => r !== null),
      ];
      const learningRate = scheduler.lr;
      optimizer.step(arrays, grads, learningRate);
      scheduler.step();
      lossSum += g.loss * batch.size;
      correct += countCorrect(g.predictions, batch);
      hooks.onProgress?.({ epoch, batch: k + 1, batches, loss: g.loss, learningRate });
      // Let an abort (a worker's message) in between batches.
      if (hooks.signal) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const seconds = (performance.now() - started) / 1000;
    const metrics: EpochMetrics = {
      epoch,
      loss: lossSum / dataset.train.length,
      trainAccuracy: correct / dataset.train.length,
      testAccuracy: await accuracy(ops, network, dataset.test, dataset, options),
      learningRate: scheduler.lr,
      samplesPerSecond: dataset.train.length / Math.max(seconds, 1e-9),
    };
    history.push(metrics);
    hooks.onEpoch?.(metrics, network);
    hooks.callbacks?.forEach((c) => c.log({ ...metrics }, epoch));
  }
  return { network, history };
}

/** 0..n-1 in the epoch's order: Fisher-Yates over the seed's counter-based draws. */
export function shuffled(n: number, seed: number, epoch: number): number[] {
  const key = stepKey(streamKey(seed, 0, SHUFFLE_STREAM), epoch);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = draw32(key, i) % (i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
}

/** A deep copy (new weight arrays): training never touches the caller's network. */
export function copyNetwork(n: TrainNetwork): TrainNetwork {
  return {
    inputSize: n.inputSize,
    neuron: { ...n.neuron },
    layers: n.layers.map((l) =>
      l.recurrent
        ? { size: l.size, weights: l.weights.slice(), recurrent: l.recurrent.slice() }
        : { size: l.size, weights: l.weights.slice() },
    ),
  };
}
