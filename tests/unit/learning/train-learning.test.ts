/**
 * The trainers learn: a two-layer network (20 inputs, 24 recurrent hidden, 4 outputs) on the
 * synthetic dataset (4 classes, chance 0.25), judged on held-out test samples after a bounded
 * number of epochs.
 */
import { describe, expect, it } from 'vitest';
import { accuracy, syntheticDataset, train } from '../../../src/engine/learning/train/index.ts';
import { neuronConstants } from '../../../src/engine/learning/train/device.ts';
import { JsTrainOps } from '../../../src/engine/learning/train/ops-js.ts';
import type { TrainOptions, TrainRule } from '../../../src/engine/learning/train/index.ts';
import { twoLayerNetwork } from './train-fixture.ts';

const data = syntheticDataset({
  classes: 4,
  inputSize: 20,
  steps: 30,
  trainPerClass: 25,
  testPerClass: 25,
  rate: 60,
  dt: 1,
  jitter: 2,
  noiseRate: 10,
  seed: 3,
});

function options(rule: TrainRule): TrainOptions {
  return {
    rule,
    epochs: 8,
    batchSize: 10,
    learningRate: 0.02,
    scheduler: { kind: 'constant' },
    optimizer: 'adam',
    surrogateSlope: 5,
    logitScale: 0.5,
    truncation: 10,
    seed: 1,
    device: 'js',
  };
}

describe('training on the synthetic dataset', () => {
  const network = twoLayerNetwork(20, 24, 4, 1);

  it('starts near chance: the untrained network is no classifier', async () => {
    const ops = new JsTrainOps(neuronConstants(network.neuron, 5));
    expect(await accuracy(ops, network, data.test, data, options('bptt'))).toBeLessThanOrEqual(0.4);
  });

  // Measured final test accuracies (deterministic): bptt 1.00, tbptt 0.99, e-prop 0.95; the
  // floors leave room for changes that keep the rules working.
  const floors: Record<Exclude<TrainRule, 'genetic'>, number> = {
    bptt: 0.9,
    tbptt: 0.8,
    eprop: 0.75,
  };
  for (const rule of ['bptt', 'tbptt', 'eprop'] as const) {
    it(`${rule} reaches test accuracy >= ${floors[rule]} (chance 0.25) within 8 epochs`, async () => {
      const before = network.layers.map((l) => l.weights.slice());
      const { history, network: trained } = await train(network, data, options(rule));
      const last = history[history.length - 1]!;
      expect(history).toHaveLength(8);
      expect(last.testAccuracy).toBeGreaterThanOrEqual(floors[rule]);
      expect(last.loss).toBeLessThan(history[0]!.loss);
      // The input network is untouched; the trained one has new weights.
      network.layers.forEach((l, i) =>
        expect(Array.from(l.weights)).toEqual(Array.from(before[i]!)),
      );
      expect(Array.from(trained.layers[0]!.weights)).not.toEqual(Array.from(before[0]!));
    });
  }
});
