/**
 * The genetic algorithm in the training panel's store: its options are checked by field (and
 * what it does not use is not), reach the trainer only under that rule, survive a reload, and
 * a genetic training streams a progress report per genome and an epoch per generation, then
 * applies as one undoable edit.
 */
import { describe, expect, it } from 'vitest';
import { GENETIC_DEFAULTS, optionProblems } from '../../../src/engine/learning/train/index.ts';
import { createDocumentStore } from '../../../src/store/document/store.ts';
import {
  DEFAULT_TRAINING_OPTIONS as D,
  TRAIN_RULES,
  trainOptions,
  trainingOptionProblems,
  type TrainingOptions,
} from '../../../src/store/training/options.ts';
import { TRAINING_OPTIONS_KEY } from '../../../src/store/training/persist.ts';
import { createTrainingStore } from '../../../src/store/training/store.ts';
import { classifierDocument, memoryStorage, serviceClient, until } from './training-fakes.ts';

const GENETIC: Partial<TrainingOptions> = {
  rule: 'genetic',
  trainPerClass: 6,
  testPerClass: 3,
  steps: 20,
  epochs: 3,
  batchSize: 24,
  populationSize: 4,
};

function setup() {
  const client = serviceClient();
  const documents = createDocumentStore(classifierDocument());
  const storage = memoryStorage();
  const store = createTrainingStore({ createClient: client.factory, documents, storage });
  store.getState().setOptions(GENETIC);
  return { store, documents, storage, client };
}

describe('genetic algorithm options', () => {
  it('is a rule of the panel whose defaults are the engine and the seed', () => {
    expect(TRAIN_RULES.find((r) => r.value === 'genetic')?.label).toBe('Genetic algorithm');
    expect(D).toMatchObject(GENETIC_DEFAULTS);
    const options = { ...D, rule: 'genetic' as const };
    expect(trainingOptionProblems(options, 4, 1)).toEqual([]);
    expect(optionProblems(trainOptions(options))).toEqual([]);
  });

  it('passes its settings to the trainer only under its rule', () => {
    const g = trainOptions({ ...D, rule: 'genetic', populationSize: 12, weightBound: 1.5 });
    expect(g).toMatchObject({ rule: 'genetic', populationSize: 12, weightBound: 1.5 });
    expect(g.mutationRate).toBe(D.mutationRate);
    const b = trainOptions({ ...D, populationSize: 12 });
    for (const key of ['populationSize', 'mutationRate', 'mutationScale', 'eliteFraction'])
      expect(b).not.toHaveProperty(key);
    expect(b).not.toHaveProperty('weightBound');
  });

  it('names each bad setting and skips what the genetic algorithm does not use', () => {
    const bad: TrainingOptions = {
      ...D,
      rule: 'genetic',
      epochs: 0,
      populationSize: 1,
      mutationRate: 1.5,
      mutationScale: -1,
      eliteFraction: 1,
      weightBound: 0,
      // Hidden under this rule, so never a reason to refuse it.
      learningRate: -1,
      surrogateSlope: 0,
      schedule: 'warmup_cosine',
      warmup_steps: 10,
      total_steps: 10,
    };
    expect(trainingOptionProblems(bad, 4, 1)).toEqual([
      'generations: a whole number >= 1, got 0',
      'population: a whole number >= 2, got 1',
      'mutation rate: a probability in [0, 1], got 1.5',
      'mutation scale: a number >= 0, got -1',
      'elite fraction: a number in [0, 1), got 1',
      'weight bound: a number > 0, got 0',
    ]);
    // The same settings do not bother a gradient rule, which checks its own.
    expect(trainingOptionProblems({ ...bad, rule: 'bptt', epochs: 1 }, 4, 1)).toEqual([
      'learning rate: a number > 0, got -1',
      'surrogate slope: a number > 0, got 0',
      'schedule: total_steps (10) must exceed warmup_steps (10)',
    ]);
  });
});

describe('training store: genetic algorithm', () => {
  it('evolves the document chain: a report per genome, an epoch per generation', async () => {
    const { store, client, documents } = setup();
    await store.getState().train();
    const s = store.getState();
    expect(s.status).toBe('finished');
    expect(client.requests[0]?.options).toMatchObject({ rule: 'genetic', populationSize: 4 });
    // 3 generations of 4 genomes.
    expect(s.batchLosses).toHaveLength(12);
    expect(s.progress).toMatchObject({ epoch: 3, batch: 4, batches: 4 });
    expect(s.history.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(s.history.map((m) => m.learningRate)).toEqual([0.1, 0.1, 0.1]);
    expect(s.latest?.network).toEqual(s.trained);
    // Every weight within the bound.
    expect(s.trained?.layers.every((l) => l.weights.every((w) => Math.abs(w) <= 2))).toBe(true);

    const before = documents.getState().document;
    store.getState().apply();
    const after = documents.getState().document;
    expect(after.projections.map((p) => p.weight.kind)).toEqual(['explicit', 'explicit']);
    documents.getState().undo();
    expect(documents.getState().document.projections).toEqual(before.projections);
  });

  it('cancels after the current genome', async () => {
    const { store } = setup();
    store.getState().setOptions({ epochs: 500 });
    const done = store.getState().train();
    await until(() => store.getState().batchLosses.length >= 1);
    store.getState().cancel();
    expect(store.getState().notice).toBe('Cancelling: training stops after the current genome.');
    await done;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().notice).toBe('Cancelled after the current genome; no weights kept.');
    expect(store.getState().trained).toBeNull();
    expect(store.getState().batchLosses.length).toBeLessThan(40);
  });

  it('keeps the genetic settings across a reload', () => {
    const { client, documents, storage, store } = setup();
    store.getState().setOptions({ mutationScale: 0.25, eliteFraction: 0.1, weightBound: 3 });
    const reloaded = createTrainingStore({ createClient: client.factory, documents, storage });
    expect(reloaded.getState().options).toMatchObject({
      rule: 'genetic',
      populationSize: 4,
      mutationScale: 0.25,
      eliteFraction: 0.1,
      weightBound: 3,
    });
    // A saved setting of the wrong type falls back to the default.
    storage.setItem(TRAINING_OPTIONS_KEY, JSON.stringify({ rule: 'genetic', weightBound: 'big' }));
    const fresh = createTrainingStore({ createClient: client.factory, documents, storage });
    expect(fresh.getState().options.weightBound).toBe(GENETIC_DEFAULTS.weightBound);
    expect(fresh.getState().options.rule).toBe('genetic');
  });
});
