/**
 * The training panel's pure pieces: option checks by field, the translation into the
 * trainers' options, progress arithmetic and the heatmap's orientation.
 */
import { describe, expect, it } from 'vitest';
import { trainedFraction } from '../../../src/app/training/progress.ts';
import { difference, weightRows } from '../../../src/app/training/heatmap-figure.ts';
import {
  DEFAULT_TRAINING_OPTIONS as D,
  totalBatches,
  trainOptions,
  trainingOptionProblems,
} from '../../../src/store/training/options.ts';
import { optionProblems } from '../../../src/engine/learning/train/index.ts';

describe('training options', () => {
  it('defaults pass both the panel checks and the trainers own', () => {
    expect(trainingOptionProblems(D, 4, 1)).toEqual([]);
    expect(optionProblems(trainOptions(D))).toEqual([]);
  });

  it('names each bad field', () => {
    const bad = {
      ...D,
      classes: 5,
      epochs: 0,
      learningRate: -1,
      rate: 2000,
      noiseRate: 2000,
      batchSize: 1.5,
      rule: 'tbptt' as const,
      truncation: 0,
      schedule: 'warmup_cosine' as const,
      warmup_steps: 10,
      total_steps: 10,
    };
    expect(trainingOptionProblems(bad, 4, 1)).toEqual([
      'classes: 5 classes need 5 output neurons; the output layer has 4',
      'rate: 2000 Hz is more than one spike per step of 1 ms',
      'noise rate: 2000 Hz is more than one spike per step of 1 ms',
      'truncation k: a whole number >= 1, got 0',
      'epochs: a whole number >= 1, got 0',
      'batch size: a whole number >= 1, got 1.5',
      'learning rate: a number > 0, got -1',
      'schedule: total_steps (10) must exceed warmup_steps (10)',
    ]);
  });

  it('passes k only to truncated BPTT and the chosen schedule only', () => {
    expect(trainOptions(D).truncation).toBeUndefined();
    const t = trainOptions({ ...D, rule: 'tbptt', truncation: 7, schedule: 'step' });
    expect(t.truncation).toBe(7);
    expect(t.scheduler).toEqual({ kind: 'step', step_size: D.step_size, gamma: D.gamma });
    // 4 classes x 24 samples in batches of 8: 12 batches a epoch, 20 epochs.
    expect(totalBatches(D)).toBe(240);
  });
});

describe('training panel figures', () => {
  it('measures progress over all batches', () => {
    expect(trainedFraction(null, 5)).toBe(0);
    expect(trainedFraction({ epoch: 2, batch: 3, batches: 4 }, 4)).toBe(1.75 / 4);
    expect(trainedFraction({ epoch: 4, batch: 4, batches: 4 }, 4)).toBe(1);
  });

  it('draws a matrix with targets as rows and sources as columns', () => {
    // 3 inputs -> 2 neurons: weights[i * 2 + j]
    const network = {
      inputSize: 3,
      neuron: { vRest: 0, vReset: 0, vThreshold: 1, leak: 0.05 },
      layers: [{ size: 2, weights: Float32Array.from([1, 2, 3, 4, 5, 6]) }],
    };
    const rows = weightRows(network, { layer: 0, recurrent: false });
    expect(rows).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    expect(weightRows(network, { layer: 0, recurrent: true })).toBeNull();
    expect(difference([[3, 1]], [[1, 1]])).toEqual([[2, 0]]);
  });
});
