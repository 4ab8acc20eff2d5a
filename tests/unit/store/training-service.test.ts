/**
 * The training worker's service (workers/training-service.ts) in Node: the gallery's classifier
 * learns with the panel's default options, requests that do not fit are refused before any
 * work, and every way a trainer fails reaches the page as a fault of the right kind.
 */
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import { documentTrainNetwork } from '../../../src/engine/learning/document-network.ts';
import { syntheticDataset, train } from '../../../src/engine/learning/train/index.ts';
import type { TrainNetwork } from '../../../src/engine/learning/train/types.ts';
import {
  DEFAULT_TRAINING_OPTIONS,
  datasetOptions,
  trainOptions,
} from '../../../src/store/training/options.ts';
import {
  TRAINING_PROTOCOL_VERSION,
  type TrainEvent,
  type TrainRequest,
} from '../../../workers/training-protocol.ts';
import { createTrainingService, type TrainFunction } from '../../../workers/training-service.ts';
import { classifierDocument } from './training-fakes.ts';

function classifierRequest(patch: Partial<typeof DEFAULT_TRAINING_OPTIONS> = {}): TrainRequest {
  const doc = classifierDocument();
  const found = documentTrainNetwork(doc);
  if (!found.ok) throw new Error(found.problems.join('; '));
  const o = { ...DEFAULT_TRAINING_OPTIONS, ...patch };
  return {
    protocolVersion: TRAINING_PROTOCOL_VERSION,
    network: found.network,
    data: datasetOptions(o, found.network.inputSize, doc.run.dt),
    options: trainOptions(o),
  };
}

const failing =
  (error: Error): TrainFunction =>
  () =>
    Promise.reject(error);

describe('training service', () => {
  it('trains the classifier example well above chance with the default options', async () => {
    const service = createTrainingService(train, syntheticDataset);
    const events: TrainEvent[] = [];
    const outcome = await service.train(classifierRequest(), (e) => {
      events.push(e);
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const last = outcome.result.history.at(-1);
    // 4 classes: chance is 0.25. Measured: 1.0 from epoch 2 on.
    expect(last?.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(outcome.result.history[0]?.loss).toBeGreaterThan(2 * (last?.loss ?? Infinity));
    const epochs = events.filter((e) => e.type === 'epoch').length;
    expect(epochs).toBe(DEFAULT_TRAINING_OPTIONS.epochs);
    // 96 samples in batches of 8: 12 progress events per epoch.
    expect(events.filter((e) => e.type === 'progress')).toHaveLength(12 * epochs);
  });

  it('stops after the batch during which Cancel arrived', async () => {
    const service = createTrainingService(train, syntheticDataset);
    let batches = 0;
    const outcome = await service.train(classifierRequest(), (e) => {
      if (e.type !== 'progress') return;
      batches += 1;
      if (batches === 2) service.cancel();
    });
    expect(outcome).toEqual({ ok: false, cancelled: true });
    expect(batches).toBe(2);
  });

  it('refuses requests that do not fit the network, naming why', async () => {
    const service = createTrainingService(train, syntheticDataset);
    const sink = () => undefined;
    const tooMany = classifierRequest();
    tooMany.data.classes = 5;
    expect(await service.train(tooMany, sink)).toEqual({
      ok: false,
      cancelled: false,
      fault: {
        kind: 'invalid',
        message: '5 classes need at least 5 output neurons; the output layer has 4',
      },
    });
    const inputs = classifierRequest();
    inputs.data.inputSize = 3;
    expect(await service.train(inputs, sink)).toMatchObject({
      fault: {
        kind: 'invalid',
        message: "the data has 3 inputs, the network's input population 20",
      },
    });
    const old = { ...classifierRequest(), protocolVersion: 0 };
    expect(await service.train(old, sink)).toMatchObject({
      fault: { kind: 'protocol-mismatch', expected: TRAINING_PROTOCOL_VERSION, got: 0 },
    });
    const bad = classifierRequest({ learningRate: -1 });
    const refused = await service.train(bad, sink);
    expect(refused).toMatchObject({ fault: { kind: 'invalid' } });
    expect(refused.ok ? '' : 'fault' in refused ? refused.fault.message : '').toMatch(
      /learningRate/,
    );
  });

  it('answers only after the page took the last event', async () => {
    const service = createTrainingService(train, syntheticDataset);
    const answered: TrainEvent[] = [];
    // Each event is answered 20 ms late, as comlink's proxy answers on its own channel.
    const slowSink = (e: TrainEvent) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          answered.push(e);
          resolve();
        }, 20),
      );
    const outcome = await service.train(classifierRequest({ epochs: 1 }), slowSink);
    expect(outcome.ok).toBe(true);
    // 12 batches then the epoch: the epoch, sent last, was taken before the outcome.
    expect(answered.at(-1)).toMatchObject({ type: 'epoch', metrics: { epoch: 1 } });
  });

  it('runs one training at a time', async () => {
    const service = createTrainingService(train, syntheticDataset);
    const first = service.train(classifierRequest({ epochs: 1 }), () => undefined);
    const second = await service.train(classifierRequest(), () => undefined);
    expect(second).toMatchObject({ fault: { kind: 'busy' } });
    expect((await first).ok).toBe(true);
  });

  it('turns each way a trainer fails into its fault', async () => {
    const sink = () => undefined;
    const run = (fn: TrainFunction) =>
      createTrainingService(fn, syntheticDataset).train(classifierRequest(), sink);
    expect(
      await run(
        failing(new Error('train: the loss is NaN at epoch 2, batch 1: training diverged')),
      ),
    ).toMatchObject({ fault: { kind: 'numerical' } });
    expect(await run(failing(new BackendUnavailableError('gpu:webgpu', 'no adapter')))).toEqual({
      ok: false,
      cancelled: false,
      fault: {
        kind: 'unavailable',
        message: "backend 'gpu:webgpu' is not available here: no adapter",
      },
    });
    expect(await run(failing(new Error('kernel exploded')))).toMatchObject({
      fault: { kind: 'internal', message: 'Error: kernel exploded' },
    });
    const nanWeights: TrainFunction = (network) => {
      const out: TrainNetwork = structuredClone(network);
      (out.layers[1] as { weights: Float32Array }).weights[5] = Infinity;
      return Promise.resolve({ network: out, history: [] });
    };
    expect(await run(nanWeights)).toMatchObject({
      fault: { kind: 'numerical', message: 'training diverged: layer 1: weights[5] is Infinity' },
    });
  });
});
