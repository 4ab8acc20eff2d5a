/**
 * What every rule returns for a batch, and the pieces they share around the forward and
 * backward passes: starting states, reading gradients back, forward-only evaluation.
 */
import type { Batch, DeviceParams, HostParams } from './batch.ts';
import type { DeviceGrads } from './backward.ts';
import { chunkForward, type NetShape } from './forward.ts';
import { countLoss } from './loss.ts';
import { use, type Floats, type Steps, type TrainOps } from './ops.ts';

export interface BatchGradient {
  /** Mean loss of the batch. */
  loss: number;
  /** Predicted class of each sample (from its whole-sample counts). */
  predictions: Int32Array;
  /** dLoss/dweights, host arrays shaped like the network's. */
  gradient: HostParams;
}

/** Every layer at rest (V_{-1} = vRest), one buffer per layer. */
export function* restStates<B>(
  ops: TrainOps<B>,
  net: NetShape,
  batch: number,
  vRest: number,
): Steps<B[]> {
  const out: B[] = [];
  for (const size of net.sizes) out.push(yield* use(ops.filled(batch * size, vRest)));
  return out;
}

/** Reads and releases the accumulators. */
export function* readGrads<B>(ops: TrainOps<B>, grads: DeviceGrads<B>): Steps<HostParams> {
  const weights: Floats[] = [];
  const recurrent: (Floats | null)[] = [];
  for (const g of grads.w) {
    weights.push(yield* use(ops.read(g)));
    ops.release(g);
  }
  for (const g of grads.r) {
    recurrent.push(g ? yield* use(ops.read(g)) : null);
    ops.release(g);
  }
  return { weights, recurrent };
}

/** The predictions and mean loss of a batch, forward only (nothing kept over time). */
export function* evaluateBatch<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
  batch: Batch,
  vRest: number,
  logitScale: number,
): Steps<{ loss: number; predictions: Int32Array }> {
  const x = yield* use(ops.upload(batch.x));
  const start = yield* restStates(ops, net, batch.size, vRest);
  const fwd = yield* chunkForward(ops, net, params, x, batch.size, 0, batch.steps, start, false);
  const counts = yield* use(ops.read(fwd.counts));
  fwd.v.forEach((vs) => vs.forEach((v) => ops.release(v)));
  ops.release(fwd.counts);
  ops.release(x);
  const classes = net.sizes[net.sizes.length - 1] ?? 0;
  const { loss, predictions } = countLoss(counts, batch.labels, classes, logitScale);
  return { loss, predictions };
}
