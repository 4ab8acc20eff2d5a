/**
 * One batch's loss, predictions and gradient by the rule `TrainOptions.rule` names.
 */
import type { Batch, DeviceParams } from './batch.ts';
import { bpttGradient } from './bptt.ts';
import { epropGradient } from './eprop.ts';
import type { NetShape } from './forward.ts';
import type { BatchGradient } from './gradient.ts';
import type { Steps, TrainOps } from './ops.ts';
import { tbpttGradient } from './tbptt.ts';
import type { TrainNetwork, TrainOptions } from './types.ts';

/** The sizes the operations need. */
export function netShape(network: TrainNetwork): NetShape {
  return { inputSize: network.inputSize, sizes: network.layers.map((l) => l.size) };
}

/** The rule's gradient of one batch (a generator: run it with `runSync` or `runAsync`). */
export function ruleGradient<B>(
  ops: TrainOps<B>,
  network: TrainNetwork,
  params: DeviceParams<B>,
  batch: Batch,
  options: Pick<TrainOptions, 'rule' | 'logitScale' | 'truncation' | 'seed'>,
): Steps<BatchGradient> {
  const net = netShape(network);
  const vRest = network.neuron.vRest;
  switch (options.rule) {
    case 'bptt':
      return bpttGradient(ops, net, params, batch, vRest, options.logitScale);
    case 'tbptt':
      return tbpttGradient(
        ops,
        net,
        params,
        batch,
        vRest,
        options.logitScale,
        options.truncation ?? batch.steps,
      );
    case 'eprop':
      return epropGradient(ops, net, params, batch, vRest, options.logitScale, options.seed);
    case 'genetic':
      throw new RangeError("rule 'genetic' has no gradient: train() evolves the weights instead");
  }
}
