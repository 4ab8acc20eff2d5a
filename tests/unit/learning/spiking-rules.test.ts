/**
 * The black-box rules on a spiking network through `snnObjective`: the genetic algorithm lowers
 * the loss of a small LIF network from its random start, and EWC keeps a first task's loss
 * lower after training a second one than plain training does.
 */
import { describe, expect, it } from 'vitest';
import { consolidate, withEwc } from '../../../src/engine/learning/ewc.ts';
import { evolve } from '../../../src/engine/learning/genetic.ts';
import {
  flattenParams,
  snnObjective,
  syntheticDataset,
} from '../../../src/engine/learning/train/index.ts';
import type { SpikeSample, TrainNetwork } from '../../../src/engine/learning/train/index.ts';
import { normals, sgd } from './linear-model.ts';

const INPUTS = 12;
const HIDDEN = 10;
const CLASSES = 2;

function network(seed: number): TrainNetwork {
  const z1 = normals(seed, 1, INPUTS * HIDDEN);
  const z2 = normals(seed, 2, HIDDEN * CLASSES);
  return {
    inputSize: INPUTS,
    neuron: { vRest: 0, vReset: 0, vThreshold: 1, leak: 0.1 },
    layers: [
      { size: HIDDEN, weights: z1.map((v) => 0.4 + 0.3 * v) },
      { size: CLASSES, weights: z2.map((v) => 0.6 + 0.3 * v) },
    ],
  };
}

function task(seed: number): SpikeSample[] {
  return syntheticDataset({
    classes: CLASSES,
    inputSize: INPUTS,
    steps: 25,
    trainPerClass: 8,
    testPerClass: 1,
    rate: 120,
    dt: 1,
    jitter: 1,
    noiseRate: 5,
    seed,
  }).train;
}

const net = network(3);
const objective = snnObjective(net, { logitScale: 0.5, surrogateSlope: 5 });

describe('black-box rules on a spiking network', () => {
  it('the genetic algorithm lowers the loss from the random start', async () => {
    const data = task(1);
    const start = flattenParams(net);
    const startLoss = objective.lossAndGradient(start, data).loss;
    const lower = Float32Array.from(start, (w) => w - 1);
    const upper = Float32Array.from(start, (w) => w + 1);
    const { best, fitness } = await evolve(
      (g) => -objective.lossAndGradient(g, data).loss,
      { lower, upper },
      15,
      { seed: 5, populationSize: 16, mutationRate: 0.1 },
    );
    expect(-fitness).toBe(objective.lossAndGradient(best, data).loss);
    expect(-fitness).toBeLessThan(0.8 * startLoss);
  });

  it("EWC keeps task A's loss lower after training task B", () => {
    // Two synthetic tasks on the same inputs; 60 SGD steps each (figures at the time of
    // writing: A 0.646 after A; after B 0.673 plain, 0.642 with EWC; B 0.650 -> 0.605 / 0.619).
    const a = task(11);
    const b = task(12);
    const afterA = sgd(objective, flattenParams(net), a, 60, 0.1);
    const lossA = objective.lossAndGradient(afterA, a).loss;
    const anchor = consolidate(
      objective,
      afterA,
      a.map((s) => [s]),
    );
    const plain = sgd(objective, afterA, b, 60, 0.1);
    const guarded = sgd(withEwc(objective, [anchor], 50), afterA, b, 60, 0.1);
    const forgotPlain = objective.lossAndGradient(plain, a).loss;
    const forgotEwc = objective.lossAndGradient(guarded, a).loss;
    expect(forgotPlain).toBeGreaterThan(lossA + 0.01);
    expect(forgotEwc).toBeLessThan(forgotPlain - 0.015);
    // ...and task B is still learned under the penalty.
    expect(objective.lossAndGradient(guarded, b).loss).toBeLessThan(
      objective.lossAndGradient(afterA, b).loss - 0.01,
    );
  });
});
