/**
 * Surrogate-gradient backpropagation through time: the whole batch forward with hard spikes
 * (every V kept), the loss of the output counts, then the exact gradient of the smoothed model
 * (types.ts) backward through every step, layer, recurrence and reset (`backward.ts`).
 *
 * sc-neurocore's BPTT updated only its first population and took `voltages > 0.9` as the
 * spikes; here every layer's weights get their gradient and the spikes are the model's own.
 */
import type { Batch, DeviceParams } from './batch.ts';
import { chunkBackward, zeroGrads } from './backward.ts';
import { chunkForward, type NetShape } from './forward.ts';
import { readGrads, restStates, type BatchGradient } from './gradient.ts';
import { countLoss } from './loss.ts';
import { use, type Steps, type TrainOps } from './ops.ts';

/**
 * Loss, predictions and gradient of one batch by BPTT. Memory: V of every layer at every step
 * (steps x batch x neurons), plus the spikes handed between layers.
 */
export function* bpttGradient<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
  batch: Batch,
  vRest: number,
  logitScale: number,
): Steps<BatchGradient> {
  const x = yield* use(ops.upload(batch.x));
  const start = yield* restStates(ops, net, batch.size, vRest);
  const fwd = yield* chunkForward(ops, net, params, x, batch.size, 0, batch.steps, start, true);
  const counts = yield* use(ops.read(fwd.counts));
  ops.release(fwd.counts);
  const classes = net.sizes[net.sizes.length - 1] ?? 0;
  const out = countLoss(counts, batch.labels, classes, logitScale);
  const gOut = yield* use(ops.upload(out.gradient));
  const grads = yield* zeroGrads(ops, net, params);
  yield* chunkBackward(ops, net, params, x, batch.size, 0, fwd, gOut, grads);
  fwd.v.forEach((vs) => ops.release(vs[vs.length - 1]));
  ops.release(gOut);
  ops.release(x);
  return { loss: out.loss, predictions: out.predictions, gradient: yield* readGrads(ops, grads) };
}
