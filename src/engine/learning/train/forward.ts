/**
 * The forward pass of a batch over steps `t0 .. t0 + length - 1`, every layer, from given
 * membrane states: per step, each layer's V_t from V_{t-1} (one `forwardStep` over the whole
 * layer and batch), the spikes it hands to the layer above, and the output layer's counts.
 */
import type { DeviceParams } from './batch.ts';
import { use, type LayerShape, type Steps, type TrainOps } from './ops.ts';

/** Sizes of a network: `inputs` of layer 0, then each layer's size. */
export interface NetShape {
  inputSize: number;
  sizes: readonly number[];
}

/** Layer l's shape for a batch. */
export function layerShape(net: NetShape, l: number, batch: number): LayerShape {
  return {
    batch,
    inputs: l === 0 ? net.inputSize : (net.sizes[l - 1] ?? 0),
    size: net.sizes[l] ?? 0,
  };
}

export interface ChunkForward<B> {
  /**
   * Per layer, V before each step and after the last (`length + 1` buffers: `v[l][τ]` is
   * V_{t0+τ-1}); without `keep` only the last.
   */
  v: B[][];
  /** Per layer below the output, its spikes of each step (`length` buffers); without `keep` empty. */
  s: B[][];
  /** The output layer's spike counts over the chunk, batch x classes. */
  counts: B;
}

/**
 * Runs the chunk. `vStart` (one buffer per layer, V_{t0-1}) becomes the chunk's: it is kept in
 * `v` or released. `x` is the batch's steps x batch x inputs spikes.
 */
export function* chunkForward<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
  x: B,
  batch: number,
  t0: number,
  length: number,
  vStart: readonly B[],
  keep: boolean,
): Steps<ChunkForward<B>> {
  const layers = net.sizes.length;
  const v: B[][] = vStart.map((b) => [b]);
  const s: B[][] = net.sizes.slice(0, -1).map(() => []);
  const outSize = net.sizes[layers - 1] ?? 0;
  let counts = yield* use(ops.filled(batch * outSize, 0));
  for (let tau = 0; tau < length; tau++) {
    const t = t0 + tau;
    let below: B | null = null;
    for (let l = 0; l < layers; l++) {
      const shape = layerShape(net, l, batch);
      const vl = v[l] ?? [];
      const vPrev = vl[vl.length - 1] as B;
      const input = l === 0 ? x : (below as B);
      const offset = l === 0 ? t * batch * net.inputSize : 0;
      const w = params.w[l] as B;
      const next = yield* use(ops.forwardStep(shape, vPrev, input, offset, w, params.r[l] ?? null));
      let spikes: B | null = null;
      if (l < layers - 1) spikes = yield* use(ops.spikes(batch, shape.size, vPrev));
      else {
        const more = yield* use(ops.countStep(batch, shape.size, counts, vPrev));
        ops.release(counts);
        counts = more;
      }
      if (keep) {
        vl.push(next);
        if (spikes) s[l]?.push(spikes);
      } else {
        ops.release(vPrev);
        vl[vl.length - 1] = next;
        if (l > 0) ops.release(below);
      }
      below = spikes;
    }
  }
  return { v, s, counts };
}
