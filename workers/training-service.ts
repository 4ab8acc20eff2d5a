/**
 * The training worker's behaviour, apart from comlink so it runs (and is tested) in Node: one
 * training at a time, progress and epochs streamed to the page, Cancel through an
 * `AbortSignal` (the trainer stops after its current batch), errors turned into plain faults
 * because an `Error` loses its class on its way to the page.
 */
import type {
  SpikeDataset,
  SyntheticDatasetOptions,
  TrainHooks,
  TrainNetwork,
  TrainOptions,
  TrainResult,
} from '../src/engine/learning/train/types.ts';
import { BackendUnavailableError } from '../src/engine/errors.ts';
import {
  TRAINING_PROTOCOL_VERSION,
  type TrainEvent,
  type TrainFault,
  type TrainEventSink,
  type TrainOutcome,
  type TrainRequest,
  type TrainingWorkerApi,
} from './training-protocol.ts';

/** The trainer (`src/engine/learning/train/index.ts`'s `train`). */
export type TrainFunction = (
  network: TrainNetwork,
  dataset: SpikeDataset,
  options: TrainOptions,
  hooks: TrainHooks,
) => Promise<TrainResult>;

/** The built-in synthetic dataset (`train/dataset.ts`). */
export type DatasetFunction = (options: SyntheticDatasetOptions) => SpikeDataset;

/** The first non-finite weight of `network`, described; null when every weight is finite. */
export function nonFiniteWeight(network: TrainNetwork): string | null {
  for (const [k, layer] of network.layers.entries()) {
    for (const [name, values] of [
      ['weights', layer.weights],
      ['recurrent weights', layer.recurrent],
    ] as const) {
      const e = values?.findIndex((w) => !Number.isFinite(w)) ?? -1;
      if (e >= 0) return `layer ${k}: ${name}[${e}] is ${String(values?.[e])}`;
    }
  }
  return null;
}

/**
 * A copy of the trainer's working network: the trainer goes on changing its arrays in place,
 * and a sink in the same thread (tests, a worker-less page) would otherwise see them move.
 */
export function copyNetwork(network: Readonly<TrainNetwork>): TrainNetwork {
  return {
    ...network,
    layers: network.layers.map((l) => ({
      ...l,
      weights: l.weights.slice(),
      ...(l.recurrent ? { recurrent: l.recurrent.slice() } : {}),
    })),
  };
}

/** The protocol form of what the trainer threw. */
export function trainFaultFromError(error: unknown): TrainFault {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BackendUnavailableError) return { kind: 'unavailable', message };
  if (/\bNaN\b|not finite|non-finite|Infinity/.test(message)) {
    return { kind: 'numerical', message };
  }
  if (error instanceof RangeError || error instanceof TypeError) {
    return { kind: 'invalid', message };
  }
  const name = error instanceof Error ? `${error.name}: ` : '';
  return { kind: 'internal', message: `${name}${message}` };
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

/** Checks that the data fits the network before any work starts. */
function requestProblem(request: TrainRequest): string | null {
  const { network, data } = request;
  const output = network.layers.at(-1)?.size ?? 0;
  if (data.inputSize !== network.inputSize) {
    return `the data has ${data.inputSize} inputs, the network's input population ${network.inputSize}`;
  }
  if (data.classes > output) {
    return `${data.classes} classes need at least ${data.classes} output neurons; the output layer has ${output}`;
  }
  return null;
}

/**
 * Builds the training worker's API around a trainer and a dataset maker.
 *
 * @example expose(createTrainingService(train, syntheticDataset));
 */
export function createTrainingService(
  trainFn: TrainFunction,
  makeDataset: DatasetFunction,
): TrainingWorkerApi {
  let running: AbortController | null = null;

  async function train(request: TrainRequest, sink: TrainEventSink): Promise<TrainOutcome> {
    if (request.protocolVersion !== TRAINING_PROTOCOL_VERSION) {
      const { protocolVersion: got } = request;
      return {
        ok: false,
        cancelled: false,
        fault: {
          kind: 'protocol-mismatch',
          message: `the training worker speaks protocol ${TRAINING_PROTOCOL_VERSION}, the page ${got}: reload the page`,
          expected: TRAINING_PROTOCOL_VERSION,
          got,
        },
      };
    }
    if (running !== null) {
      return {
        ok: false,
        cancelled: false,
        fault: { kind: 'busy', message: 'a training is already running' },
      };
    }
    const problem = requestProblem(request);
    if (problem !== null) {
      return { ok: false, cancelled: false, fault: { kind: 'invalid', message: problem } };
    }
    const controller = new AbortController();
    running = controller;
    let delivered: unknown = undefined;
    const send = (event: TrainEvent) => {
      delivered = sink(event);
    };
    try {
      const dataset = makeDataset(request.data);
      const result = await trainFn(request.network, dataset, request.options, {
        onProgress: (progress) => send({ type: 'progress', progress }),
        onEpoch: (metrics, network) =>
          send({ type: 'epoch', metrics, network: copyNetwork(network) }),
        signal: controller.signal,
      });
      await delivered;
      if (controller.signal.aborted) return { ok: false, cancelled: true };
      const bad = nonFiniteWeight(result.network);
      if (bad !== null) {
        return {
          ok: false,
          cancelled: false,
          fault: { kind: 'numerical', message: `training diverged: ${bad}` },
        };
      }
      return { ok: true, result };
    } catch (error) {
      await Promise.resolve(delivered).catch(() => undefined);
      if (isAbort(error, controller.signal)) return { ok: false, cancelled: true };
      return { ok: false, cancelled: false, fault: trainFaultFromError(error) };
    } finally {
      running = null;
    }
  }

  return {
    protocolVersion: () => TRAINING_PROTOCOL_VERSION,
    train,
    cancel: () => running?.abort(),
  };
}
