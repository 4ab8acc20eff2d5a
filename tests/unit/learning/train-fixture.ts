/**
 * Small networks and batches for the trainer tests, drawn from the engine's counter-based hash
 * so every test sees the same numbers.
 */
import { draw32, stepKey, streamKey } from '../../../src/engine/random.ts';
import type { SpikeSample, TrainNetwork } from '../../../src/engine/learning/train/types.ts';

/** Uniform in [-scale, scale], `n` values, from `seed`. */
export function uniformWeights(seed: number, n: number, scale: number): Float32Array {
  const key = streamKey(seed, 7, 77);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = ((draw32(stepKey(key, i), 0) / 2 ** 32) * 2 - 1) * scale;
  return out;
}

/** inputs -> hidden (recurrent unless `recurrent: false`) -> outputs, LIF at threshold 1. */
export function twoLayerNetwork(
  inputs: number,
  hidden: number,
  outputs: number,
  seed = 1,
  scales = { input: 0.8, recurrent: 0.15, output: 0.5 },
  recurrent = true,
): TrainNetwork {
  const rec = uniformWeights(seed + 1, hidden * hidden, scales.recurrent);
  for (let j = 0; j < hidden; j++) rec[j * hidden + j] = 0;
  return {
    inputSize: inputs,
    neuron: { vRest: 0, vReset: 0, vThreshold: 1, leak: 0.1 },
    layers: [
      recurrent
        ? {
            size: hidden,
            weights: uniformWeights(seed, inputs * hidden, scales.input),
            recurrent: rec,
          }
        : { size: hidden, weights: uniformWeights(seed, inputs * hidden, scales.input) },
      { size: outputs, weights: uniformWeights(seed + 2, hidden * outputs, scales.output) },
    ],
  };
}

/** `count` samples of random spikes at probability `p` per input and step. */
export function randomSamples(
  count: number,
  steps: number,
  inputs: number,
  classes: number,
  p: number,
  seed = 5,
): SpikeSample[] {
  const key = streamKey(seed, 3, 33);
  return Array.from({ length: count }, (_, n) => {
    const spikes = new Uint8Array(steps * inputs);
    const k = stepKey(key, n);
    for (let i = 0; i < spikes.length; i++) spikes[i] = draw32(k, i) / 2 ** 32 < p ? 1 : 0;
    return { spikes, label: n % classes };
  });
}
