/**
 * The training store over the real training service (in this thread) and a real document
 * store: a training streams progress and epochs, Apply writes the trained weights as one undo
 * step, Cancel stops after a batch (or stops a stuck worker), problems are named, options
 * survive a reload.
 */
import { describe, expect, it } from 'vitest';
import { documentTrainNetwork } from '../../../src/engine/learning/document-network.ts';
import type { TrainNetwork } from '../../../src/engine/learning/train/types.ts';
import { createDocumentStore } from '../../../src/store/document/store.ts';
import {
  DEFAULT_TRAINING_OPTIONS,
  type TrainingOptions,
} from '../../../src/store/training/options.ts';
import { TRAINING_OPTIONS_KEY } from '../../../src/store/training/persist.ts';
import { createTrainingStore } from '../../../src/store/training/store.ts';
import {
  classifierDocument,
  memoryStorage,
  serviceClient,
  stuckClient,
  until,
  type ServiceClient,
} from './training-fakes.ts';

const SMALL: Partial<TrainingOptions> = {
  trainPerClass: 6,
  testPerClass: 3,
  steps: 20,
  epochs: 3,
  batchSize: 8,
};

function setup(client: ServiceClient = serviceClient(), cancelGraceMs = 15_000) {
  const documents = createDocumentStore(classifierDocument());
  const storage = memoryStorage();
  const store = createTrainingStore({
    createClient: client.factory,
    documents,
    storage,
    cancelGraceMs,
  });
  store.getState().setOptions(SMALL);
  return { store, documents, storage, client };
}

const weightOf = (doc: ReturnType<typeof classifierDocument>, id: string) =>
  doc.projections.find((p) => p.id === id)?.weight;

describe('training store', () => {
  it('trains the document chain, streaming every batch and epoch', async () => {
    const { store, client, documents } = setup();
    await store.getState().train();
    const s = store.getState();
    expect(s.status).toBe('finished');
    // 24 samples in batches of 8: 3 batches per epoch, 3 epochs.
    expect(s.batchLosses).toHaveLength(9);
    expect(s.progress).toMatchObject({ epoch: 3, batch: 3, batches: 3 });
    expect(s.history.map((m) => m.epoch)).toEqual([1, 2, 3]);
    const request = client.requests[0];
    const expected = documentTrainNetwork(documents.getState().document);
    if (!expected.ok) throw new Error('classifier has no chain');
    expect(request?.network).toEqual(expected.network);
    expect(request?.data).toMatchObject({ classes: 4, inputSize: 20, steps: 20, dt: 1 });
    expect(s.trained?.layers.map((l) => l.weights.length)).toEqual([640, 128]);
    expect(s.trained?.layers[0]?.weights).not.toEqual(expected.network.layers[0]?.weights);
    // The live heatmap's weights: the last epoch's are the trained ones.
    expect(s.latest?.epoch).toBe(3);
    expect(s.latest?.network).toEqual(s.trained);
  });

  it('holds the weights after each epoch while training, each a copy', async () => {
    const seen: { epoch: number; network: TrainNetwork }[] = [];
    const { store } = setup();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.latest !== null && s.latest !== prev.latest) seen.push(s.latest);
    });
    await store.getState().train();
    unsubscribe();
    expect(seen.map((e) => e.epoch)).toEqual([1, 2, 3]);
    // Read after the training: each epoch's snapshot kept its own values (the trainer changes
    // its arrays in place, so a reference would show the end three times).
    const firsts = seen.map((e) => e.network.layers[0]?.weights[0]);
    expect(new Set(firsts).size).toBe(3);
    expect(firsts[2]).toBe(store.getState().trained?.layers[0]?.weights[0]);
  });

  it('applies the trained weights as one undoable edit', async () => {
    const { store, documents } = setup();
    const before = documents.getState().document;
    await store.getState().train();
    const pastBefore = documents.getState().history.past.length;
    store.getState().apply();
    expect(store.getState().applied).toBe(true);
    expect(store.getState().errors).toEqual([]);
    const after = documents.getState().document;
    const w = weightOf(after, 'inputs_to_hidden');
    expect(w?.kind).toBe('explicit');
    expect(w?.kind === 'explicit' ? w.values : []).toEqual(
      Array.from(store.getState().trained?.layers[0]?.weights ?? []),
    );
    expect(weightOf(after, 'hidden_to_output')?.kind).toBe('explicit');
    expect(documents.getState().history.past.length).toBe(pastBefore + 1);
    documents.getState().undo();
    expect(documents.getState().document).toEqual(before);
    documents.getState().redo();
    expect(documents.getState().document).toEqual(after);
  });

  it('keeps one row per epoch when an epoch event arrives after the outcome', async () => {
    const metrics = {
      epoch: 1,
      loss: 1,
      trainAccuracy: 0.5,
      testAccuracy: 0.5,
      learningRate: 0.01,
      samplesPerSecond: 100,
    };
    const late: ServiceClient = {
      requests: [],
      terminated: 0,
      crash: () => undefined,
      factory: () => ({
        train: (request, sink) => {
          setTimeout(() => void sink({ type: 'epoch', metrics, network: request.network }), 0);
          return Promise.resolve({
            ok: true,
            result: { network: request.network, history: [metrics] },
          });
        },
        cancel: () => Promise.resolve(),
        terminate: () => undefined,
      }),
    };
    const { store } = setup(late);
    await store.getState().train();
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().history).toEqual([metrics]);
  });

  it('refuses to apply onto a network whose chain changed, changing nothing', async () => {
    const { store, documents } = setup();
    await store.getState().train();
    documents.getState().apply({ type: 'updatePopulation', id: 'hidden', patch: { size: 10 } });
    const doc = documents.getState().document;
    store.getState().apply();
    expect(store.getState().errors[0]).toMatch(/the network changed since training/);
    expect(documents.getState().document).toBe(doc);
  });

  it('names what keeps a document or the options from training', async () => {
    const { store, documents } = setup();
    store.getState().setOptions({ classes: 6 });
    await store.getState().train();
    expect(store.getState().status).toBe('error');
    expect(store.getState().errors).toEqual([
      'classes: 6 classes need 6 output neurons; the output layer has 4',
    ]);
    documents.getState().apply({
      type: 'updateProjection',
      id: 'hidden_to_output',
      patch: { synapse: { kind: 'exponential', tau: 5 } },
    });
    store.getState().setOptions({ classes: 4 });
    await store.getState().train();
    expect(store.getState().errors).toEqual([
      "projection 'hidden_to_output' has a exponential synapse; training needs delta",
    ]);
  });

  it('cancels after the current batch', async () => {
    const { store } = setup();
    store.getState().setOptions({ epochs: 50 });
    const done = store.getState().train();
    await until(() => store.getState().batchLosses.length >= 1);
    store.getState().cancel();
    expect(store.getState().status).toBe('cancelling');
    expect(store.getState().notice).toMatch(/stops after the current batch/);
    await done;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().trained).toBeNull();
    expect(store.getState().batchLosses.length).toBeLessThan(150);
  });

  it('stops a worker whose batch never ends, and a crash mid-training is an error', async () => {
    const { store, client } = setup(stuckClient(), 30);
    void store.getState().train();
    store.getState().cancel();
    await until(() => store.getState().status === 'cancelled');
    expect(client.terminated).toBe(1);
    expect(store.getState().notice).toMatch(/did not end within 0.03 s/);

    void store.getState().train();
    expect(store.getState().status).toBe('training');
    client.crash('the training worker failed: out of memory');
    expect(store.getState().status).toBe('error');
    expect(store.getState().errors).toEqual(['the training worker failed: out of memory']);
  });

  it('keeps the options across a reload, ignoring what does not fit', () => {
    const { store, storage, client, documents } = setup();
    store.getState().setOptions({ rule: 'tbptt', truncation: 7, schedule: 'cosine' });
    const reloaded = createTrainingStore({ createClient: client.factory, documents, storage });
    expect(reloaded.getState().options).toEqual({
      ...DEFAULT_TRAINING_OPTIONS,
      ...SMALL,
      rule: 'tbptt',
      truncation: 7,
      schedule: 'cosine',
    });
    storage.setItem(
      TRAINING_OPTIONS_KEY,
      JSON.stringify({ rule: 'magic', epochs: 'many', batchSize: 4 }),
    );
    const fresh = createTrainingStore({ createClient: client.factory, documents, storage });
    expect(fresh.getState().options).toEqual({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 4 });
    storage.setItem(TRAINING_OPTIONS_KEY, '{not json');
    const broken = createTrainingStore({ createClient: client.factory, documents, storage });
    expect(broken.getState().options).toEqual(DEFAULT_TRAINING_OPTIONS);
  });
});
