/**
 * Backpropagation through time over a chunk kept by `chunkForward`: steps from the last to the
 * first, and at each step the layers from the output down, so that a layer's dL/ds_t from the
 * layer above is used as soon as it exists and never stored over time. dL/dV at the chunk's end
 * is 0 (nothing after the chunk is differentiated) and the gradient into the chunk's starting V
 * is dropped (truncated BPTT carries that state without gradient).
 */
import type { ChunkForward, NetShape } from './forward.ts';
import { layerShape } from './forward.ts';
import type { DeviceParams } from './batch.ts';
import { use, type Steps, type TrainOps } from './ops.ts';

/** Gradient accumulators on the device, one per weight array (null where no recurrence). */
export interface DeviceGrads<B> {
  w: B[];
  r: (B | null)[];
}

/** Zeroed accumulators shaped like `params`. */
export function* zeroGrads<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
): Steps<DeviceGrads<B>> {
  const w: B[] = [];
  const r: (B | null)[] = [];
  for (let l = 0; l < net.sizes.length; l++) {
    const { inputs, size } = layerShape(net, l, 1);
    w.push(yield* use(ops.filled(inputs * size, 0)));
    r.push(params.r[l] ? yield* use(ops.filled(size * size, 0)) : null);
  }
  return { w, r };
}

/**
 * Adds the chunk's gradient to `grads`; `gOut` is dL/ds_t of the output layer (the same for
 * every step). Releases the chunk's kept buffers except the last V of each layer.
 */
export function* chunkBackward<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
  x: B,
  batch: number,
  t0: number,
  fwd: ChunkForward<B>,
  gOut: B,
  grads: DeviceGrads<B>,
): Steps<void> {
  const layers = net.sizes.length;
  const length = (fwd.v[0]?.length ?? 1) - 1;
  const gV: B[] = [];
  for (let l = 0; l < layers; l++) {
    gV.push(yield* use(ops.filled(batch * (net.sizes[l] ?? 0), 0)));
  }
  for (let tau = length - 1; tau >= 0; tau--) {
    const t = t0 + tau;
    let gS: B = gOut;
    for (let l = layers - 1; l >= 0; l--) {
      const shape = layerShape(net, l, batch);
      const vPrev = fwd.v[l]?.[tau] as B;
      const input = l === 0 ? x : (fwd.s[l - 1]?.[tau] as B);
      const offset = l === 0 ? t * batch * net.inputSize : 0;
      const w = params.w[l] as B;
      const r = params.r[l] ?? null;
      const g = gV[l] as B;
      const dW = yield* use(ops.weightGradStep(shape, grads.w[l] as B, input, offset, vPrev, g));
      ops.release(grads.w[l]);
      grads.w[l] = dW;
      const dR0 = grads.r[l];
      if (r && dR0) {
        grads.r[l] = yield* use(ops.recurrentGradStep(batch, shape.size, dR0, vPrev, g));
        ops.release(dR0);
      }
      const gBelow = l > 0 ? yield* use(ops.inputGradStep(shape, w, vPrev, g)) : null;
      gV[l] = yield* use(ops.backwardStep(shape, vPrev, input, offset, g, gS, 0, w, r));
      ops.release(g);
      if (gS !== gOut) ops.release(gS);
      if (gBelow) gS = gBelow;
    }
    for (let l = 0; l < layers; l++) {
      // V_{t-1} and the spikes of step t are read for the last time at this step (the chunk's
      // first V is its starting state, released the same way).
      ops.release(fwd.v[l]?.[tau]);
      if (l < layers - 1) ops.release(fwd.s[l]?.[tau]);
    }
  }
  gV.forEach((g) => ops.release(g));
}
