/**
 * A batch of samples in the trainers' layout, and the network's weights on a device.
 */
import { use, type Floats, type Steps, type TrainOps } from './ops.ts';
import type { SpikeSample, TrainNetwork } from './types.ts';

export interface Batch {
  size: number;
  steps: number;
  /** steps x batch x inputs: `x[(t * size + b) * inputs + i]`. */
  x: Float32Array;
  labels: Int32Array;
}

/** Stacks `samples` (each `steps x inputSize`) into the step-major layout the kernels read. */
export function makeBatch(
  samples: readonly SpikeSample[],
  steps: number,
  inputSize: number,
): Batch {
  const size = samples.length;
  const x = new Float32Array(steps * size * inputSize);
  const labels = new Int32Array(size);
  samples.forEach((sample, b) => {
    labels[b] = sample.label;
    for (let t = 0; t < steps; t++) {
      for (let i = 0; i < inputSize; i++) {
        x[(t * size + b) * inputSize + i] = sample.spikes[t * inputSize + i] ?? 0;
      }
    }
  });
  return { size, steps, x, labels };
}

/** Host weights of every layer (`TrainNetwork`'s, or float64 ones for gradient checks). */
export interface HostParams {
  weights: Floats[];
  recurrent: (Floats | null)[];
}

/** The weights of a network as `HostParams` (views, not copies). */
export function paramsOf(network: TrainNetwork): HostParams {
  return {
    weights: network.layers.map((l) => l.weights),
    recurrent: network.layers.map((l) => l.recurrent ?? null),
  };
}

export interface DeviceParams<B> {
  w: B[];
  r: (B | null)[];
}

/** Uploads every layer's weights. */
export function* uploadParams<B>(ops: TrainOps<B>, p: HostParams): Steps<DeviceParams<B>> {
  const w: B[] = [];
  const r: (B | null)[] = [];
  for (let l = 0; l < p.weights.length; l++) {
    w.push(yield* use(ops.upload(p.weights[l] ?? new Float32Array(0))));
    const rec = p.recurrent[l];
    r.push(rec ? yield* use(ops.upload(rec)) : null);
  }
  return { w, r };
}

export function releaseParams<B>(ops: TrainOps<B>, p: DeviceParams<B>): void {
  p.w.forEach((b) => ops.release(b));
  p.r.forEach((b) => ops.release(b));
}
