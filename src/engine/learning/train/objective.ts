/**
 * A `TrainNetwork` as a `Differentiable` over flat parameters, for the rules that treat the
 * network as a black box (MAML, EWC, the genetic algorithm). Runs synchronously on the
 * typed-array operations (the contract's `lossAndGradient` is synchronous).
 */
import { paramsOf, makeBatch, uploadParams, releaseParams } from './batch.ts';
import { neuronConstants } from './device.ts';
import { JsTrainOps } from './ops-js.ts';
import { runSync } from './ops.ts';
import { ruleGradient } from './rules.ts';
import type { Differentiable, SpikeSample, TrainNetwork, TrainOptions } from './types.ts';
import { networkProblems } from './validate.ts';

export type ObjectiveOptions = Pick<TrainOptions, 'logitScale' | 'surrogateSlope'> &
  Partial<Pick<TrainOptions, 'rule' | 'truncation' | 'seed'>>;

/** The weight arrays in flat order: every layer's weights, then every recurrent matrix, by layer. */
function arraysOf(network: TrainNetwork): Float32Array[] {
  return [
    ...network.layers.map((l) => l.weights),
    ...network.layers.flatMap((l) => (l.recurrent ? [l.recurrent] : [])),
  ];
}

/** The network's weights as one flat array (`snnObjective`'s parameter order). */
export function flattenParams(network: TrainNetwork): Float32Array {
  const arrays = arraysOf(network);
  const out = new Float32Array(arrays.reduce((a, w) => a + w.length, 0));
  let at = 0;
  for (const w of arrays) {
    out.set(w, at);
    at += w.length;
  }
  return out;
}

/** A copy of `network` with the weights of a flat array (the inverse of `flattenParams`). */
export function unflattenParams(network: TrainNetwork, flat: Float32Array): TrainNetwork {
  let at = 0;
  const take = (n: number) => {
    const part = flat.slice(at, at + n);
    at += n;
    return part;
  };
  const weights = network.layers.map((l) => take(l.weights.length));
  const recurrent = network.layers.map((l) => (l.recurrent ? take(l.recurrent.length) : null));
  return {
    inputSize: network.inputSize,
    neuron: { ...network.neuron },
    layers: network.layers.map((l, i) => {
      const r = recurrent[i];
      return r
        ? { size: l.size, weights: weights[i] ?? l.weights, recurrent: r }
        : { size: l.size, weights: weights[i] ?? l.weights };
    }),
  };
}

/**
 * The loss of the contract (mean over a batch of samples) and its gradient by `options.rule`
 * (BPTT unless said), over flat parameters: every layer's weights, then every recurrent
 * matrix, in layer order (`flattenParams`). Throws `RangeError` for a bad network, a parameter
 * array of the wrong length, an empty batch or samples of another shape.
 *
 * @example
 * const f = snnObjective(network, { logitScale: 1, surrogateSlope: 5 });
 * const { loss, gradient } = f.lossAndGradient(flattenParams(network), samples);
 */
export function snnObjective(
  network: TrainNetwork,
  options: ObjectiveOptions,
): Differentiable<SpikeSample[]> {
  const problems = networkProblems(network);
  if (!(options.logitScale > 0) || !Number.isFinite(options.logitScale)) {
    problems.push(`logitScale must be a finite number > 0, got ${options.logitScale}`);
  }
  if (!(options.surrogateSlope > 0) || !Number.isFinite(options.surrogateSlope)) {
    problems.push(`surrogateSlope must be a finite number > 0, got ${options.surrogateSlope}`);
  }
  if (problems.length > 0) throw new RangeError(`snnObjective: ${problems.join('; ')}`);
  const size = flattenParams(network).length;
  const rule = {
    rule: options.rule ?? 'bptt',
    logitScale: options.logitScale,
    seed: options.seed ?? 0,
    ...(options.truncation === undefined ? {} : { truncation: options.truncation }),
  };
  const ops = new JsTrainOps(neuronConstants(network.neuron, options.surrogateSlope));
  return {
    size,
    lossAndGradient(params: Float32Array, batch: SpikeSample[]) {
      if (params.length !== size) {
        throw new RangeError(
          `snnObjective: ${params.length} parameters given, the network has ${size}`,
        );
      }
      if (batch.length === 0) throw new RangeError('snnObjective: the batch is empty');
      const steps = (batch[0]?.spikes.length ?? 0) / network.inputSize;
      if (
        !Number.isInteger(steps) ||
        steps < 1 ||
        batch.some((s) => s.spikes.length !== steps * network.inputSize)
      ) {
        throw new RangeError(
          `snnObjective: every sample must hold steps x ${network.inputSize} spike flags`,
        );
      }
      const net = unflattenParams(network, params);
      const device = runSync(uploadParams(ops, paramsOf(net)));
      const g = runSync(
        ruleGradient(ops, net, device, makeBatch(batch, steps, network.inputSize), rule),
      );
      releaseParams(ops, device);
      const gradient = new Float32Array(size);
      let at = 0;
      for (const part of [...g.gradient.weights, ...g.gradient.recurrent]) {
        if (!part) continue;
        gradient.set(part, at);
        at += part.length;
      }
      return { loss: g.loss, gradient };
    },
  };
}
