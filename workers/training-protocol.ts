/**
 * The one protocol between the page and the training worker (issue 6's training panel). Both
 * sides import only these types. Bump TRAINING_PROTOCOL_VERSION whenever a shape changes so a
 * stale cached worker is refused instead of misread.
 */
import type {
  EpochMetrics,
  SyntheticDatasetOptions,
  TrainNetwork,
  TrainOptions,
  TrainProgress,
  TrainResult,
} from '../src/engine/learning/train/types.ts';

/** 2: epoch events carry the weights; 3: rule 'genetic' and its settings in `TrainOptions`. */
export const TRAINING_PROTOCOL_VERSION = 3;

/** Train `network` on the built-in synthetic dataset drawn from `data`. */
export interface TrainRequest {
  protocolVersion: number;
  network: TrainNetwork;
  data: SyntheticDatasetOptions;
  options: TrainOptions;
}

/** What the worker reports while it trains; delivered in order. */
export type TrainEvent =
  /** After every batch. */
  | { type: 'progress'; progress: TrainProgress }
  /** After every epoch, with a copy of the weights as they stand (the live heatmap). */
  | { type: 'epoch'; metrics: EpochMetrics; network: TrainNetwork };

/**
 * The page's event handler. Over comlink it answers with a promise: the service awaits the
 * last one before it answers `train`, because events travel on the proxy's own channel and
 * could otherwise arrive after the outcome.
 */
export type TrainEventSink = (event: TrainEvent) => void | Promise<void>;

/** Why a training did not finish, as plain data. */
export type TrainFault =
  /** The options or the data do not fit the network (named in `message`). */
  | { kind: 'invalid'; message: string }
  /** The loss or a weight stopped being a finite number. */
  | { kind: 'numerical'; message: string }
  /** The chosen device cannot run here (`message` says why). */
  | { kind: 'unavailable'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'protocol-mismatch'; message: string; expected: number; got: number }
  | { kind: 'internal'; message: string };

export type TrainOutcome =
  | { ok: true; result: TrainResult }
  /** Cancel arrived; training stopped after the batch it was on. */
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; fault: TrainFault };

/** The worker's API as exposed with comlink. */
export interface TrainingWorkerApi {
  protocolVersion(): number;
  /** Trains to the end, a cancel or a fault; one training at a time. */
  train(request: TrainRequest, sink: TrainEventSink): Promise<TrainOutcome>;
  /** Stops the running training after its current batch (its `train` answers `cancelled`). */
  cancel(): void;
}
