/**
 * Truncated BPTT: the sample's steps in chunks of k; each chunk runs forward from the state
 * (V of every layer; the spikes follow from V) the previous chunk ended in, and backward within
 * itself only: the carried state has no gradient. The loss of a chunk is the cross-entropy of
 * that chunk's own output counts; a batch's loss and gradient are the mean over its chunks (so
 * with k >= steps it is BPTT's, exactly). One optimizer step per batch, like the other rules.
 * Only one chunk's states are alive at a time: memory grows with k, not with the steps
 * (`tbpttStateFloats`, and the operations' buffer counts in the tests).
 */
import type { Batch, DeviceParams } from './batch.ts';
import { chunkBackward, zeroGrads } from './backward.ts';
import { chunkForward, type NetShape } from './forward.ts';
import { readGrads, restStates, type BatchGradient } from './gradient.ts';
import { countLoss } from './loss.ts';
import { use, type Steps, type TrainOps } from './ops.ts';

/**
 * Floats of per-step state truncated BPTT keeps alive for a chunk of `truncation` steps: V of
 * every layer before each step and after the last, and the spikes of every layer below the
 * output at each step. It does not depend on the sample's length.
 */
export function tbpttStateFloats(net: NetShape, batch: number, truncation: number): number {
  const neurons = net.sizes.reduce((a, n) => a + n, 0);
  const handed = net.sizes.slice(0, -1).reduce((a, n) => a + n, 0);
  return batch * ((truncation + 1) * neurons + truncation * handed);
}

/** Loss, predictions (from whole-sample counts) and gradient of one batch by truncated BPTT. */
export function* tbpttGradient<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
  batch: Batch,
  vRest: number,
  logitScale: number,
  truncation: number,
): Steps<BatchGradient> {
  const classes = net.sizes[net.sizes.length - 1] ?? 0;
  const chunks = Math.ceil(batch.steps / truncation);
  const x = yield* use(ops.upload(batch.x));
  const grads = yield* zeroGrads(ops, net, params);
  const total = new Float64Array(batch.size * classes);
  let state = yield* restStates(ops, net, batch.size, vRest);
  let loss = 0;
  for (let c = 0; c < chunks; c++) {
    const t0 = c * truncation;
    const length = Math.min(truncation, batch.steps - t0);
    const fwd = yield* chunkForward(ops, net, params, x, batch.size, t0, length, state, true);
    const counts = yield* use(ops.read(fwd.counts));
    ops.release(fwd.counts);
    counts.forEach((n, k) => (total[k] = (total[k] ?? 0) + n));
    const out = countLoss(counts, batch.labels, classes, logitScale, 1 / chunks);
    loss += out.loss;
    const gOut = yield* use(ops.upload(out.gradient));
    yield* chunkBackward(ops, net, params, x, batch.size, t0, fwd, gOut, grads);
    ops.release(gOut);
    state = fwd.v.map((vs) => vs[vs.length - 1] as B);
  }
  state.forEach((v) => ops.release(v));
  ops.release(x);
  const { predictions } = countLoss(total, batch.labels, classes, logitScale);
  return { loss, predictions, gradient: yield* readGrads(ops, grads) };
}
