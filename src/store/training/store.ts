/**
 * The training session of the page: options (persisted), the training running in the worker,
 * its progress and curves, the result, and the write-back of the trained weights into the
 * document as one undoable edit. A zustand vanilla store, so tests drive it with a fake worker.
 */
import { createStore } from 'zustand/vanilla';
import {
  documentTrainNetwork,
  trainedWeightEdits,
  type DocumentTrainNetwork,
} from '../../engine/learning/document-network.ts';
import { formatIssue } from '../../model/validation-issue.ts';
import type {
  EpochMetrics,
  TrainNetwork,
  TrainProgress,
} from '../../engine/learning/train/types.ts';
import {
  TRAINING_PROTOCOL_VERSION,
  type TrainEvent,
  type TrainOutcome,
} from '../../../workers/training-protocol.ts';
import {
  datasetOptions,
  trainOptions,
  trainingOptionProblems,
  type TrainingOptions,
} from './options.ts';
import { loadTrainingOptions, saveTrainingOptions } from './persist.ts';
import type { TrainingClient, TrainingDeps, TrainingStatus } from './types.ts';

export interface TrainingState {
  options: TrainingOptions;
  status: TrainingStatus;
  /** The chain being (or last) trained and its starting weights. */
  start: DocumentTrainNetwork | null;
  /** Document revision the training read. */
  startRevision: number | null;
  /** The options the training runs with (the form may change meanwhile). */
  startOptions: TrainingOptions | null;
  progress: TrainProgress | null;
  /** Loss of every batch so far, in order. */
  batchLosses: number[];
  history: EpochMetrics[];
  /** The weights after the latest epoch while a training runs (and after it stopped). */
  latest: { epoch: number; network: TrainNetwork } | null;
  /** The trained network, once a training finished. */
  trained: TrainNetwork | null;
  /** The trained weights are in the document (cleared by the next training). */
  applied: boolean;
  /** Why training could not start, stopped, or Apply failed; one line per problem. */
  errors: string[];
  /** A sentence for the status line (cancelling, cancelled, applied). */
  notice: string | null;

  setOptions: (patch: Partial<TrainingOptions>) => void;
  train: () => Promise<void>;
  /** Stops after the current batch. */
  cancel: () => void;
  /** Writes the trained weights into the document as one undoable edit. */
  apply: () => void;
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;

const sameChain = (a: DocumentTrainNetwork, b: DocumentTrainNetwork): boolean =>
  JSON.stringify(a.chain) === JSON.stringify(b.chain) &&
  JSON.stringify(a.sizes) === JSON.stringify(b.sizes);

/** Creates a training store over a worker factory and the document store. */
export function createTrainingStore(deps: TrainingDeps) {
  const cancelGraceMs = deps.cancelGraceMs ?? 15_000;
  let client: TrainingClient | null = null;
  /** Identifies the running training; events and outcomes of older ones are dropped. */
  let token = 0;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<TrainingState>()((set, get) => {
    const clearGrace = () => {
      if (graceTimer !== null) clearTimeout(graceTimer);
      graceTimer = null;
    };

    const dropClient = () => {
      client?.terminate();
      client = null;
    };

    const ensureClient = (): TrainingClient => {
      if (client) return client;
      const fresh = deps.createClient((reason) => {
        if (client !== fresh) return;
        client = null;
        token += 1;
        clearGrace();
        const busy = get().status === 'training' || get().status === 'cancelling';
        if (busy) set({ status: 'error', errors: [reason], notice: null });
      });
      client = fresh;
      return fresh;
    };

    const onEvent = (mine: number, event: TrainEvent) => {
      if (mine !== token) return;
      switch (event.type) {
        case 'progress':
          set({
            progress: event.progress,
            batchLosses: [...get().batchLosses, event.progress.loss],
          });
          break;
        case 'epoch':
          // Keyed by epoch, so an event that arrives after the outcome cannot add a row twice.
          set({
            history: [
              ...get().history.filter((m) => m.epoch !== event.metrics.epoch),
              event.metrics,
            ].sort((a, b) => a.epoch - b.epoch),
            latest:
              (get().latest?.epoch ?? 0) > event.metrics.epoch
                ? get().latest
                : { epoch: event.metrics.epoch, network: event.network },
          });
          break;
      }
    };

    const finish = (mine: number, outcome: TrainOutcome) => {
      if (mine !== token) return;
      clearGrace();
      if (outcome.ok) {
        set({
          status: 'finished',
          trained: outcome.result.network,
          history: outcome.result.history,
          notice: null,
        });
      } else if (outcome.cancelled) {
        set({
          status: 'cancelled',
          notice: `Cancelled after the current ${stepWord(get().startOptions)}; no weights kept.`,
        });
      } else {
        set({ status: 'error', errors: [outcome.fault.message], notice: null });
      }
    };

    return {
      options: loadTrainingOptions(deps.storage),
      status: 'idle',
      start: null,
      startRevision: null,
      startOptions: null,
      progress: null,
      batchLosses: [],
      history: [],
      latest: null,
      trained: null,
      applied: false,
      errors: [],
      notice: null,

      setOptions: (patch) => {
        const options = { ...get().options, ...patch };
        saveTrainingOptions(deps.storage, options);
        set({ options });
      },

      train: async () => {
        const { status, options } = get();
        if (status === 'training' || status === 'cancelling') return;
        const { document, documentRevision } = deps.documents.getState();
        const found = documentTrainNetwork(document);
        if (!found.ok) {
          set({ status: 'error', errors: found.problems, notice: null });
          return;
        }
        const output = found.sizes.at(-1) ?? 0;
        const problems = trainingOptionProblems(options, output, document.run.dt);
        if (problems.length > 0) {
          set({ status: 'error', errors: problems, notice: null });
          return;
        }
        token += 1;
        const mine = token;
        set({
          status: 'training',
          start: found,
          startRevision: documentRevision,
          startOptions: options,
          progress: null,
          batchLosses: [],
          history: [],
          latest: null,
          trained: null,
          applied: false,
          errors: [],
          notice: null,
        });
        const request = {
          protocolVersion: TRAINING_PROTOCOL_VERSION,
          network: found.network,
          data: datasetOptions(options, found.network.inputSize, document.run.dt),
          options: trainOptions(options),
        };
        try {
          const outcome = await ensureClient().train(request, (e) => onEvent(mine, e));
          finish(mine, outcome);
        } catch (error) {
          if (mine !== token) return;
          const message = error instanceof Error ? error.message : String(error);
          set({ status: 'error', errors: [`the training worker failed: ${message}`] });
          dropClient();
        }
      },

      cancel: () => {
        if (get().status !== 'training') return;
        set({
          status: 'cancelling',
          notice: `Cancelling: training stops after the current ${stepWord(get().startOptions)}.`,
        });
        void client?.cancel();
        const mine = token;
        clearGrace();
        graceTimer = setTimeout(() => {
          if (mine !== token || get().status !== 'cancelling') return;
          // The batch did not end in time: stop the worker itself; a fresh one serves the next.
          token += 1;
          dropClient();
          set({
            status: 'cancelled',
            notice: `Cancelled: the ${stepWord(get().startOptions)} did not end within ${cancelGraceMs / 1000} s, so the worker was stopped.`,
          });
        }, cancelGraceMs);
      },

      apply: () => {
        const { start, trained } = get();
        if (start === null || trained === null) return;
        const docs = deps.documents.getState();
        const now = documentTrainNetwork(docs.document);
        if (!now.ok || !sameChain(now, start)) {
          set({
            errors: [
              'the network changed since training (its chain of layers or their sizes): ' +
                'train again to apply',
            ],
          });
          return;
        }
        let edits;
        try {
          edits = trainedWeightEdits(start.chain, trained);
        } catch (error) {
          set({ errors: [error instanceof Error ? error.message : String(error)] });
          return;
        }
        docs.beginTransaction('Apply trained weights');
        for (const e of edits) {
          const issues = deps.documents
            .getState()
            .tryApply({ type: 'updateProjection', id: e.projection, patch: { weight: e.weight } });
          if (issues.length > 0) {
            deps.documents.getState().cancelTransaction();
            set({
              errors: issues.map(formatIssue),
            });
            return;
          }
        }
        deps.documents.getState().commitTransaction();
        set({
          applied: true,
          errors: [],
          notice: 'Trained weights applied to the network (Ctrl+Z undoes).',
        });
      },
    };
  });
}

/** What a training stops after when cancelled: a batch, or a genome of the genetic algorithm. */
function stepWord(options: TrainingOptions | null): string {
  return options?.rule === 'genetic' ? 'genome' : 'batch';
}
