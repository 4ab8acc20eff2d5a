/**
 * `benchTraining`: samples per second of BPTT training (forward, backward, Adam step) of a
 * two-layer network on one device, for `npx spikelab bench`.
 */
import { draw32, stepKey, streamKey } from '../../random.ts';
import { makeBatch, paramsOf, releaseParams, uploadParams } from './batch.ts';
import { createTrainOps, neuronConstants } from './device.ts';
import { syntheticDataset } from './dataset.ts';
import { Adam } from './optimizer.ts';
import { runAsync } from './ops.ts';
import { ruleGradient } from './rules.ts';
import type { TrainDevice, TrainNetwork } from './types.ts';

export interface TrainingBenchOptions {
  device: TrainDevice;
  /** Inputs, default 40. */
  inputSize?: number;
  /** Hidden neurons (feed-forward, no recurrence), default 64. */
  hidden?: number;
  /** Output neurons (= classes), default 4. */
  outputs?: number;
  /** Steps per sample, default 50. */
  steps?: number;
  /** Default 32. */
  batchSize?: number;
  /** Timed batches after one untimed (compiling) batch, default 3. */
  batches?: number;
}

export interface TrainingBenchResult {
  device: TrainDevice;
  /** `inputs-hidden-outputs`, e.g. `40-64-4`. */
  network: string;
  steps: number;
  batchSize: number;
  samplesPerSecond: number;
}

/** Uniform weights in [-scale, scale] from a counter-based stream. */
function weights(seed: number, n: number, scale: number): Float32Array {
  const key = streamKey(seed, 0, 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = ((draw32(stepKey(key, i), 0) / 2 ** 32) * 2 - 1) * scale;
  return out;
}

/**
 * Times BPTT training batches of a 40-64-4 LIF network (by default) on 50-step samples of the
 * synthetic dataset, batch 32; rejects with `BackendUnavailableError` where the device cannot run.
 *
 * @example const { samplesPerSecond } = await benchTraining({ device: 'js' });
 */
export async function benchTraining(o: TrainingBenchOptions): Promise<TrainingBenchResult> {
  const inputSize = o.inputSize ?? 40;
  const hidden = o.hidden ?? 64;
  const outputs = o.outputs ?? 4;
  const steps = o.steps ?? 50;
  const batchSize = o.batchSize ?? 32;
  const batches = o.batches ?? 3;
  const network: TrainNetwork = {
    inputSize,
    neuron: { vRest: 0, vReset: 0, vThreshold: 1, leak: 0.1 },
    layers: [
      { size: hidden, weights: weights(1, inputSize * hidden, 0.6) },
      { size: outputs, weights: weights(2, hidden * outputs, 0.4) },
    ],
  };
  const data = syntheticDataset({
    classes: outputs,
    inputSize,
    steps,
    trainPerClass: Math.ceil(batchSize / outputs),
    testPerClass: 1,
    rate: 50,
    dt: 1,
    jitter: 1,
    noiseRate: 5,
    seed: 1,
  });
  const batch = makeBatch(data.train.slice(0, batchSize), steps, inputSize);
  const ops = await createTrainOps(o.device, neuronConstants(network.neuron, 5));
  const adam = new Adam();
  const arrays = network.layers.map((l) => l.weights);
  const once = async () => {
    const params = await runAsync(uploadParams(ops, paramsOf(network)));
    const g = await runAsync(
      ruleGradient(ops, network, params, batch, { rule: 'bptt', logitScale: 0.5, seed: 1 }),
    );
    releaseParams(ops, params);
    adam.step(arrays, g.gradient.weights, 1e-3);
  };
  try {
    await once();
    const started = performance.now();
    for (let k = 0; k < batches; k++) await once();
    const seconds = (performance.now() - started) / 1000;
    return {
      device: o.device,
      network: `${inputSize}-${hidden}-${outputs}`,
      steps,
      batchSize: batch.size,
      samplesPerSecond: (batches * batch.size) / seconds,
    };
  } finally {
    ops.dispose();
  }
}
