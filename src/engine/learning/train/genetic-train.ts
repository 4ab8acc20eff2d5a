/**
 * `train`'s genetic rule (`rule: 'genetic'`): the genetic algorithm of `../genetic.ts` over
 * every weight of the network, no gradient. The genome is `flattenParams`'s order (every
 * layer's weights, then every recurrent matrix); each weight evolves within
 * [-weightBound, weightBound] and a recurrent diagonal within [0, 0], so it stays 0 as the
 * document's projection (no self-connections) requires. The fitness of a genome is minus its
 * mean loss over the whole training set, forward only, on the chosen device (`evaluate.ts`, the
 * same arithmetic as every test accuracy). An epoch is a generation: `options.epochs`
 * generations are evaluated, the first drawn uniformly within the bounds (`evolve` starts
 * there, so the network's own weights are not part of the search).
 */
import { evolve } from '../genetic.ts';
import { accuracy, batchesOf, evaluateBatches } from './evaluate.ts';
import { geneticSettings } from './genetic-settings.ts';
import { flattenParams, unflattenParams } from './objective.ts';
import type { TrainOps } from './ops.ts';
import type {
  EpochMetrics,
  SpikeDataset,
  TrainHooks,
  TrainNetwork,
  TrainOptions,
  TrainResult,
} from './types.ts';

/** Per-gene bounds of the network's genome: +-bound, a recurrent diagonal [0, 0]. */
export function weightBounds(
  network: TrainNetwork,
  bound: number,
): { lower: Float32Array; upper: Float32Array } {
  const genes = flattenParams(network).length;
  const lower = new Float32Array(genes).fill(-bound);
  const upper = new Float32Array(genes).fill(bound);
  let at = network.layers.reduce((a, l) => a + l.weights.length, 0);
  for (const layer of network.layers) {
    if (!layer.recurrent) continue;
    for (let j = 0; j < layer.size; j++) {
      lower[at + j * layer.size + j] = 0;
      upper[at + j * layer.size + j] = 0;
    }
    at += layer.recurrent.length;
  }
  return { lower, upper };
}

/**
 * Evolves the weights of `network` (checked by `train`) for `options.epochs` generations.
 * Progress after each genome (batch = genome, batches = population); after each generation
 * `onEpoch` and the callbacks get the best genome so far: its training loss and accuracy, its
 * test accuracy, and the network with its weights (elitism keeps it in the population, so it is
 * also the generation's best unless eliteFraction is 0). The result is the best genome of the
 * whole run. `signal` is checked before each genome.
 */
export async function evolveTraining<B>(
  ops: TrainOps<B>,
  network: TrainNetwork,
  dataset: SpikeDataset,
  options: TrainOptions,
  hooks: TrainHooks,
): Promise<TrainResult> {
  const settings = geneticSettings(options);
  const size = settings.populationSize;
  const batches = batchesOf(dataset.train, dataset, options.batchSize);
  const history: EpochMetrics[] = [];
  let best = { loss: Infinity, correct: 0, genome: flattenParams(network) };
  let started = performance.now();

  const endGeneration = async (generation: number) => {
    const seconds = (performance.now() - started) / 1000;
    const bestNetwork = unflattenParams(network, best.genome);
    const metrics: EpochMetrics = {
      epoch: generation,
      loss: best.loss,
      trainAccuracy: best.correct / dataset.train.length,
      testAccuracy: await accuracy(ops, bestNetwork, dataset.test, dataset, options),
      // No learning rate here: the step size of the search is the mutation scale, reported
      // in its place (constant over the run).
      learningRate: settings.mutationScale,
      samplesPerSecond: (size * dataset.train.length) / Math.max(seconds, 1e-9),
    };
    history.push(metrics);
    hooks.onEpoch?.(metrics, bestNetwork);
    hooks.callbacks?.forEach((c) => c.log({ ...metrics }, generation));
    started = performance.now();
  };

  const evaluate = async (genome: Float32Array, generation: number, index: number) => {
    if (hooks.signal?.aborted) {
      throw new DOMException(
        `training aborted before generation ${generation}, genome ${index}`,
        'AbortError',
      );
    }
    const r = await evaluateBatches(
      ops,
      unflattenParams(network, genome),
      batches,
      options.logitScale,
    );
    if (!Number.isFinite(r.loss)) {
      throw new Error(
        `train: the loss is ${r.loss} at generation ${generation}, genome ${index} (lower the logit scale)`,
      );
    }
    // Strictly lower: on a tie the earlier genome stays, as `evolve`'s stable ranking keeps it.
    if (r.loss < best.loss) best = { loss: r.loss, correct: r.correct, genome: genome.slice() };
    hooks.onProgress?.({
      epoch: generation,
      batch: index,
      batches: size,
      loss: r.loss,
      learningRate: settings.mutationScale,
    });
    if (index === size) await endGeneration(generation);
    // Let an abort (a worker's message) in between genomes.
    if (hooks.signal) await new Promise((resolve) => setTimeout(resolve, 0));
    return -r.loss;
  };

  // `evolve` asks for a whole generation at once; the genomes are evaluated one after the
  // other (one set of device buffers, progress in order), each call numbered as it comes.
  let calls = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const fitness = (genome: Float32Array): Promise<number> => {
    const generation = Math.floor(calls / size) + 1;
    const index = (calls % size) + 1;
    calls += 1;
    // A rejected evaluation rejects every one queued after it (evolve has already failed).
    const run = queue.then(() => evaluate(genome, generation, index));
    queue = run;
    return run;
  };

  const result = await evolve(
    fitness,
    weightBounds(network, settings.weightBound),
    options.epochs - 1,
    {
      populationSize: size,
      mutationRate: settings.mutationRate,
      mutationScale: settings.mutationScale,
      eliteFraction: settings.eliteFraction,
      seed: options.seed,
      // The network's own weights compete in the first generation: the search starts from the
      // document's network (the heatmap's "change" is then measured from where it began) and
      // never ends worse than it.
      initial: flattenParams(network),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    },
  );
  return { network: unflattenParams(network, result.best), history };
}
