/** Shapes shared by the training store, its worker client and its tests. */
import type {
  TrainEventSink,
  TrainOutcome,
  TrainRequest,
} from '../../../workers/training-protocol.ts';
import type { DocumentStore } from '../document/store.ts';
import type { OptionsStorage } from './persist.ts';

/** Where a training stands; drives which buttons are enabled. */
export type TrainingStatus =
  'idle' | 'training' | 'cancelling' | 'finished' | 'cancelled' | 'error';

/** The training worker as the store sees it. */
export interface TrainingClient {
  train(request: TrainRequest, sink: TrainEventSink): Promise<TrainOutcome>;
  cancel(): Promise<void>;
  /** Kills the worker now, whatever it is doing. */
  terminate(): void;
}

/** Makes a fresh worker; `onCrash` is called if it dies on its own. */
export type TrainingClientFactory = (onCrash: (reason: string) => void) => TrainingClient;

export interface TrainingDeps {
  createClient: TrainingClientFactory;
  /** The editor's document store: read at Train, written by Apply (one undoable edit). */
  documents: DocumentStore;
  /** Where the options persist (localStorage in the page). */
  storage?: OptionsStorage;
  /**
   * After Cancel, how long the worker may take to finish its batch before it is terminated
   * (a batch that never ends must not hold the panel), ms.
   */
  cancelGraceMs?: number;
}
