/**
 * A page for the browser half of the trainers' cross-device test (`../train-cross.spec.ts`):
 * `window.__train.compare(device)` computes one batch's loss, predictions and gradients by
 * BPTT, truncated BPTT and e-prop on `device` (webgl2 and webgpu exist only here) and on the
 * typed-array device, and returns how far they differ; `fit` trains a few epochs; `bench`
 * runs `benchTraining`.
 */
import { makeBatch, paramsOf, uploadParams } from '../../../src/engine/learning/train/batch.ts';
import { createTrainOps, neuronConstants } from '../../../src/engine/learning/train/device.ts';
import { runAsync, type Floats } from '../../../src/engine/learning/train/ops.ts';
import { ruleGradient } from '../../../src/engine/learning/train/rules.ts';
import {
  benchTraining,
  syntheticDataset,
  train,
} from '../../../src/engine/learning/train/index.ts';
import type {
  EpochMetrics,
  TrainDevice,
  TrainingBenchResult,
  TrainRule,
} from '../../../src/engine/learning/train/index.ts';
import { randomSamples, twoLayerNetwork } from '../../unit/learning/train-fixture.ts';

/** One rule's difference between a device and the typed arrays. */
export interface TrainComparison {
  rule: TrainRule;
  /** Why the device could not start, or null. */
  unavailable: string | null;
  lossDifference: number;
  predictionsEqual: boolean;
  /** Largest gradient difference over the largest gradient magnitude. */
  relativeGradientDifference: number;
  /** The mode gpu.js ran on. */
  device: string;
}

declare global {
  interface Window {
    __train?: {
      compare(device: TrainDevice): Promise<TrainComparison[]>;
      fit(device: TrainDevice): Promise<EpochMetrics[]>;
      bench(device: TrainDevice): Promise<TrainingBenchResult>;
    };
  }
}

const network = twoLayerNetwork(10, 16, 4, 3);
const samples = randomSamples(6, 20, 10, 4, 0.15);

async function gradient(device: TrainDevice, rule: TrainRule) {
  const ops = await createTrainOps(device, neuronConstants(network.neuron, 3));
  try {
    const params = await runAsync(uploadParams(ops, paramsOf(network)));
    const batch = makeBatch(samples, 20, 10);
    const g = await runAsync(
      ruleGradient(ops, network, params, batch, { rule, logitScale: 0.7, truncation: 7, seed: 2 }),
    );
    return { ...g, device: ops.device };
  } finally {
    ops.dispose();
  }
}

function flat(parts: readonly (Floats | null)[]): number[] {
  return parts.flatMap((p) => (p ? Array.from(p) : []));
}

async function compare(device: TrainDevice): Promise<TrainComparison[]> {
  const out: TrainComparison[] = [];
  for (const rule of ['bptt', 'tbptt', 'eprop'] as const) {
    const js = await gradient('js', rule);
    let other;
    try {
      other = await gradient(device, rule);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      out.push({
        rule,
        unavailable: reason,
        lossDifference: NaN,
        predictionsEqual: false,
        relativeGradientDifference: NaN,
        device,
      });
      continue;
    }
    const a = flat([...js.gradient.weights, ...js.gradient.recurrent]);
    const b = flat([...other.gradient.weights, ...other.gradient.recurrent]);
    const scale = Math.max(...a.map(Math.abs));
    const diff = Math.max(...a.map((x, i) => Math.abs(x - (b[i] ?? NaN))));
    out.push({
      rule,
      unavailable:
        a.length === b.length ? null : `gradient length ${b.length} instead of ${a.length}`,
      lossDifference: Math.abs(js.loss - other.loss),
      predictionsEqual: Array.from(js.predictions).join() === Array.from(other.predictions).join(),
      relativeGradientDifference: diff / scale,
      device: other.device,
    });
  }
  return out;
}

async function fit(device: TrainDevice): Promise<EpochMetrics[]> {
  const data = syntheticDataset({
    classes: 4,
    inputSize: 20,
    steps: 30,
    trainPerClass: 10,
    testPerClass: 10,
    rate: 60,
    dt: 1,
    jitter: 2,
    noiseRate: 10,
    seed: 3,
  });
  const { history } = await train(twoLayerNetwork(20, 24, 4, 1), data, {
    rule: 'bptt',
    epochs: 4,
    batchSize: 10,
    learningRate: 0.02,
    scheduler: { kind: 'constant' },
    optimizer: 'adam',
    surrogateSlope: 5,
    logitScale: 0.5,
    seed: 1,
    device,
  });
  return history;
}

window.__train = { compare, fit, bench: (device) => benchTraining({ device }) };
document.body.dataset.ready = 'true';
