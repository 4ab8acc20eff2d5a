/**
 * `train`'s surroundings: option, network and dataset checks, abort, a diverging loss, the
 * scheduler per batch, progress, metrics and callbacks, shuffling; the synthetic dataset; the
 * loss and the optimizers worked by hand; `snnObjective`'s flat parameters.
 */
import { describe, expect, it } from 'vitest';
import {
  flattenParams,
  snnObjective,
  syntheticDataset,
  train,
} from '../../../src/engine/learning/train/index.ts';
import type {
  SyntheticDatasetOptions,
  TrainingCallback,
  TrainOptions,
  TrainProgress,
} from '../../../src/engine/learning/train/index.ts';
import { makeBatch, paramsOf, uploadParams } from '../../../src/engine/learning/train/batch.ts';
import { bpttGradient } from '../../../src/engine/learning/train/bptt.ts';
import { neuronConstants } from '../../../src/engine/learning/train/device.ts';
import { countLoss } from '../../../src/engine/learning/train/loss.ts';
import { JsTrainOps } from '../../../src/engine/learning/train/ops-js.ts';
import { runSync } from '../../../src/engine/learning/train/ops.ts';
import { Adam, Sgd } from '../../../src/engine/learning/train/optimizer.ts';
import { netShape } from '../../../src/engine/learning/train/rules.ts';
import { shuffled } from '../../../src/engine/learning/train/train.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import { twoLayerNetwork } from './train-fixture.ts';

const dataOptions: SyntheticDatasetOptions = {
  classes: 3,
  inputSize: 6,
  steps: 10,
  trainPerClass: 5,
  testPerClass: 2,
  rate: 100,
  dt: 1,
  jitter: 1,
  noiseRate: 5,
  seed: 9,
};
const data = syntheticDataset(dataOptions);
const network = twoLayerNetwork(6, 5, 3, 2);
const base: TrainOptions = {
  rule: 'bptt',
  epochs: 2,
  batchSize: 6,
  learningRate: 0.1,
  scheduler: { kind: 'constant' },
  optimizer: 'sgd',
  surrogateSlope: 5,
  logitScale: 0.5,
  seed: 1,
  device: 'js',
};

describe('train: checks', () => {
  it.each([
    [{ epochs: 0 }, 'epochs must be a whole number >= 1, got 0'],
    [{ batchSize: 1.5 }, 'batchSize must be a whole number >= 1, got 1.5'],
    [{ learningRate: Number.NaN }, 'learningRate must be a finite number > 0, got NaN'],
    [{ surrogateSlope: 0 }, 'surrogateSlope must be a finite number > 0, got 0'],
    [{ logitScale: -1 }, 'logitScale must be a finite number > 0, got -1'],
    [{ rule: 'tbptt' }, 'truncation must be a whole number >= 1, got undefined'],
    [{ device: 'gpu:foo' }, 'device must be one of'],
    [
      { scheduler: { kind: 'step', step_size: 0, gamma: 0.5 } },
      'scheduler (step): step_size must be',
    ],
  ] as [Partial<TrainOptions>, string][])(
    'rejects %j naming the field',
    async (change, message) => {
      await expect(train(network, data, { ...base, ...change })).rejects.toThrow(message);
      await expect(train(network, data, { ...base, ...change })).rejects.toBeInstanceOf(RangeError);
    },
  );

  it('rejects a network and dataset that do not fit, naming what', async () => {
    const short = {
      ...network,
      layers: [{ ...network.layers[0]!, weights: new Float32Array(3) }, network.layers[1]!],
    };
    await expect(train(short, data, base)).rejects.toThrow(
      'layers[0].weights has 3 values, expected 6 x 5 = 30',
    );
    const rec = network.layers[0]!.recurrent!.slice();
    rec[6] = 0.5; // neuron 1 to itself
    const self = {
      ...network,
      layers: [{ ...network.layers[0]!, recurrent: rec }, network.layers[1]!],
    };
    await expect(train(self, data, base)).rejects.toThrow(
      'layers[0].recurrent[6] (neuron 1 to itself) must be 0',
    );
    const four = syntheticDataset({ ...dataOptions, classes: 4 });
    await expect(train(network, four, base)).rejects.toThrow(
      'the dataset has 4 classes, the output layer 3 neurons',
    );
    const bad = { ...data, train: [{ spikes: new Uint8Array(60), label: 7 }] };
    await expect(train(network, bad, base)).rejects.toThrow(
      'dataset train[0] has label 7, outside 0..2',
    );
  });

  it('stops with an error naming the epoch and batch when the loss is NaN or infinite', async () => {
    // Identical output neurons that all spike: every sample's label ties the largest count, and
    // a logit scale of 1e308 makes its cross-entropy Infinity - Infinity = NaN.
    const same = {
      ...network,
      layers: [
        { size: 5, weights: new Float32Array(30).fill(3) },
        { size: 3, weights: new Float32Array(15).fill(3) },
      ],
    };
    await expect(train(same, data, { ...base, logitScale: 1e308 })).rejects.toThrow(
      'train: the loss is NaN at epoch 1, batch 1: training diverged',
    );
    // The fixture's own outputs differ: some label is not the largest count, its loss Infinity.
    await expect(train(network, data, { ...base, logitScale: 1e308 })).rejects.toThrow(
      'the loss is Infinity at epoch 1, batch 2',
    );
  });
});

describe('train: running', () => {
  it('aborts between batches with an AbortError and closes the callbacks', async () => {
    const controller = new AbortController();
    const seen: TrainProgress[] = [];
    let closed = 0;
    const callback: TrainingCallback = { log: () => undefined, close: () => (closed += 1) };
    const run = train(network, data, base, {
      signal: controller.signal,
      callbacks: [callback],
      onProgress: (p) => {
        seen.push(p);
        if (p.batch === 2) controller.abort();
      },
    });
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect((error as DOMException).message).toContain('epoch 1, batch 3');
    expect(seen.map((p) => p.batch)).toEqual([1, 2]);
    expect(closed).toBe(1);
  });

  it('steps the scheduler once per batch, reports progress per batch and metrics per epoch', async () => {
    const progress: TrainProgress[] = [];
    const logged: [Record<string, number>, number][] = [];
    let closed = 0;
    const callback: TrainingCallback = {
      log: (m, step) => logged.push([{ ...m }, step]),
      close: () => (closed += 1),
    };
    const result = await train(
      network,
      data,
      { ...base, scheduler: { kind: 'step', step_size: 2, gamma: 0.5 } },
      { onProgress: (p) => progress.push(p), callbacks: [callback] },
    );
    // 15 samples in batches of 6: 3 batches per epoch; the rate halves every 2 batches.
    expect(progress.map((p) => [p.epoch, p.batch, p.batches])).toEqual([
      [1, 1, 3],
      [1, 2, 3],
      [1, 3, 3],
      [2, 1, 3],
      [2, 2, 3],
      [2, 3, 3],
    ]);
    expect(progress.map((p) => p.learningRate)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    expect(result.history.map((h) => h.learningRate)).toEqual([0.05, 0.0125]);
    expect(logged.map(([, step]) => step)).toEqual([1, 2]);
    expect(Object.keys(logged[0]![0]).sort()).toEqual([
      'epoch',
      'learningRate',
      'loss',
      'samplesPerSecond',
      'testAccuracy',
      'trainAccuracy',
    ]);
    expect(closed).toBe(1);
    for (const h of result.history) {
      expect(h.samplesPerSecond).toBeGreaterThan(0);
      expect(h.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(h.testAccuracy).toBeLessThanOrEqual(1);
    }
    // The epoch loss is the sample-weighted mean of its batches' losses (6, 6 and 3 samples).
    const [a, b, c] = progress.slice(0, 3).map((p) => p.loss) as [number, number, number];
    expect(result.history[0]!.loss).toBeCloseTo((6 * a + 6 * b + 3 * c) / 15, 12);
  });

  it('is reproducible for a seed; the seed changes the shuffle', async () => {
    const one = await train(network, data, base);
    const again = await train(network, data, base);
    const other = await train(network, data, { ...base, seed: 2 });
    expect(Array.from(again.network.layers[0]!.weights)).toEqual(
      Array.from(one.network.layers[0]!.weights),
    );
    expect(Array.from(other.network.layers[0]!.weights)).not.toEqual(
      Array.from(one.network.layers[0]!.weights),
    );
    const order = shuffled(50, 1, 1);
    expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffled(50, 1, 2)).not.toEqual(order);
  });

  it('rejects a gpu mode that cannot run here by name', async () => {
    // Node has no WebGL2 (gpu.js' headless-gl is not installed).
    await expect(train(network, data, { ...base, device: 'gpu:webgl2' })).rejects.toThrow(
      "backend 'gpu:webgl2'",
    );
  });
});

describe('train: gpu:webgpu in Node', () => {
  it('either trains through Dawn like the js device or is unavailable with the reason', async () => {
    const js = await train(network, data, base);
    let gpu;
    try {
      gpu = await train(network, data, { ...base, device: 'gpu:webgpu' });
    } catch (error) {
      // Dawn's prebuilt binary needs glibc 2.38 and a Vulkan driver (node-webgpu.ts).
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect((error as BackendUnavailableError).reason).toMatch(/Dawn|adapter|webgpu/i);
      return;
    }
    gpu.history.forEach((h, e) => expect(h.loss).toBeCloseTo(js.history[e]!.loss, 4));
  });
});

describe('synthetic dataset', () => {
  it('is a pure function of its options, labels by class', () => {
    expect(syntheticDataset(dataOptions)).toEqual(data);
    expect(data.train.map((s) => s.label)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(data.test).toHaveLength(6);
    expect(syntheticDataset({ ...dataOptions, seed: 10 }).train[0]).not.toEqual(data.train[0]);
  });

  it('without jitter and noise every sample is its class pattern, at the pattern rate', () => {
    const o = { ...dataOptions, inputSize: 200, steps: 50, jitter: 0, noiseRate: 0, rate: 40 };
    const d = syntheticDataset(o);
    expect(d.train[3]!.spikes).toEqual(d.train[0]!.spikes);
    expect(d.test[1]!.spikes).toEqual(d.train[1]!.spikes);
    expect(d.train[1]!.spikes).not.toEqual(d.train[0]!.spikes);
    // 10 000 Bernoulli(0.04) draws: mean 0.04, standard deviation 0.002.
    const mean = d.train[0]!.spikes.reduce((a, s) => a + s, 0) / 10000;
    expect(Math.abs(mean - 0.04)).toBeLessThan(0.008);
  });

  it('rejects bad options naming every field', () => {
    expect(() => syntheticDataset({ ...dataOptions, classes: 1, jitter: -1, dt: 0 })).toThrow(
      'synthetic dataset: classes must be a whole number >= 2, got 1; jitter must be a whole number >= 0, got -1; dt must be a finite number > 0, got 0',
    );
    expect(() => syntheticDataset({ ...dataOptions, rate: 2000 })).toThrow(
      'rate * dt / 1000 must be <= 1',
    );
  });
});

describe('loss and optimizers by hand', () => {
  it('softmax cross-entropy of scaled counts, its gradient and the prediction (ties: lowest)', () => {
    // counts (2, 0), label 0, scale 1: loss = log(1 + e^-2); p0 = 1 / (1 + e^-2).
    const p0 = 1 / (1 + Math.exp(-2));
    const r = countLoss(Float64Array.of(2, 0, 1, 1), Int32Array.of(0, 1), 2, 1);
    expect(r.loss).toBeCloseTo((Math.log(1 + Math.exp(-2)) + Math.log(2)) / 2, 14);
    const expected = [(p0 - 1) / 2, (1 - p0) / 2, 0.5 / 2, -0.5 / 2];
    r.gradient.forEach((g, k) => expect(g).toBeCloseTo(expected[k]!, 14));
    expect(Array.from(r.predictions)).toEqual([0, 0]);
  });

  it('sgd subtracts lr * g; adam moves each weight by lr * sign(g) on its first step', () => {
    const p = [Float32Array.of(1, 1)];
    new Sgd().step(p, [Float64Array.of(0.5, -2)], 0.1);
    expect(Array.from(p[0]!)).toEqual([Math.fround(0.95), Math.fround(1.2)]);
    const q = [Float32Array.of(1, 1)];
    new Adam().step(q, [Float64Array.of(0.5, -2)], 0.1);
    expect(q[0]![0]).toBeCloseTo(0.9, 6);
    expect(q[0]![1]).toBeCloseTo(1.1, 6);
  });
});

describe('snnObjective', () => {
  it('is BPTT over flat parameters: layers weights, then recurrent matrices', () => {
    const f = snnObjective(network, { logitScale: 0.5, surrogateSlope: 5 });
    const flat = flattenParams(network);
    expect(f.size).toBe(6 * 5 + 5 * 3 + 5 * 5);
    const samples = data.train.slice(0, 4);
    const { loss, gradient } = f.lossAndGradient(flat, samples);
    const ops = new JsTrainOps(neuronConstants(network.neuron, 5));
    const g = runSync(
      bpttGradient(
        ops,
        netShape(network),
        runSync(uploadParams(ops, paramsOf(network))),
        makeBatch(samples, 10, 6),
        0,
        0.5,
      ),
    );
    expect(loss).toBe(g.loss);
    const expected = [
      ...g.gradient.weights[0]!,
      ...g.gradient.weights[1]!,
      ...g.gradient.recurrent[0]!,
    ];
    expect(Array.from(gradient)).toEqual(expected.map((x) => Math.fround(x)));
    expect(() => f.lossAndGradient(flat.slice(1), samples)).toThrow(
      '69 parameters given, the network has 70',
    );
    expect(() => f.lossAndGradient(flat, [])).toThrow('the batch is empty');
  });
});
