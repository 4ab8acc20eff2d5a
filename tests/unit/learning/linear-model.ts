/**
 * A model small enough to reason about for the black-box learning rules' tests: linear
 * regression with a mean squared error, its gradient exact, its data drawn with the engine's
 * counter-based generator (so every run sees the same numbers).
 */
import type { Differentiable } from '../../../src/engine/learning/train/types.ts';
import {
  draw24,
  gaussianFromBits,
  gaussianTable,
  stepKey,
  streamKey,
} from '../../../src/engine/random.ts';

export interface Regression {
  /** `inputs[s * size + i]`: input i of sample s. */
  inputs: Float32Array;
  targets: Float32Array;
}

/** Loss `mean_s 0.5 (w . x_s - y_s)^2`, gradient `mean_s (w . x_s - y_s) x_s`. */
export function linearModel(size: number): Differentiable<Regression> {
  return {
    size,
    lossAndGradient(params, batch) {
      const n = batch.targets.length;
      const gradient = new Float32Array(size);
      let loss = 0;
      for (let s = 0; s < n; s++) {
        let y = 0;
        for (let i = 0; i < size; i++) y += (params[i] ?? 0) * (batch.inputs[s * size + i] ?? 0);
        const e = y - (batch.targets[s] ?? 0);
        loss += 0.5 * e * e;
        for (let i = 0; i < size; i++) {
          gradient[i] = (gradient[i] ?? 0) + (e * (batch.inputs[s * size + i] ?? 0)) / n;
        }
      }
      return { loss: loss / n, gradient };
    },
  };
}

const TABLE = gaussianTable();

/** Standard normal draws: `count` of them for stream `stream` of `seed`. */
export function normals(seed: number, stream: number, count: number): Float32Array {
  const key = stepKey(streamKey(seed, 0, stream), 0);
  return Float32Array.from({ length: count }, (_, i) => gaussianFromBits(draw24(key, i), TABLE));
}

/**
 * `samples` inputs with standard normal values in the dimensions `active` (0 elsewhere) and
 * targets `w . x + noise * N(0, 1)`.
 */
export function regression(
  weights: ArrayLike<number>,
  samples: number,
  active: readonly number[],
  seed: number,
  noise = 0,
): Regression {
  const size = weights.length;
  const z = normals(seed, 1, samples * size);
  const eps = normals(seed, 2, samples);
  const inputs = new Float32Array(samples * size);
  const targets = new Float32Array(samples);
  for (let s = 0; s < samples; s++) {
    let y = 0;
    for (const i of active) {
      const x = z[s * size + i] ?? 0;
      inputs[s * size + i] = x;
      y += (weights[i] ?? 0) * x;
    }
    targets[s] = y + noise * (eps[s] ?? 0);
  }
  return { inputs, targets };
}

/** One sample of a regression as its own batch (for per-sample gradients). */
export function samplesOf(batch: Regression): Regression[] {
  const n = batch.targets.length;
  const size = batch.inputs.length / n;
  return Array.from({ length: n }, (_, s) => ({
    inputs: batch.inputs.slice(s * size, (s + 1) * size),
    targets: batch.targets.slice(s, s + 1),
  }));
}

/** `steps` SGD steps of rate `lr` on `batch` (full batch), from `params` (not modified). */
export function sgd<B>(
  model: Differentiable<B>,
  params: Float32Array,
  batch: B,
  steps: number,
  lr: number,
): Float32Array {
  const w = params.slice();
  for (let k = 0; k < steps; k++) {
    const { gradient } = model.lossAndGradient(w, batch);
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) - lr * (gradient[i] ?? 0);
  }
  return w;
}
