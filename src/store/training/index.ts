/**
 * The training store of the page, bound to React, to the document store and to localStorage.
 * Components read through narrow selectors (`useTrainingStore((s) => s.status)`).
 */
import { useStore } from 'zustand';
import { documentStore } from '../document/index.ts';
import { createTrainingStore, type TrainingState } from './store.ts';
import { createTrainingWorkerClient } from './worker-client.ts';

/** localStorage, or nothing where it cannot be reached (a sandboxed frame). */
function localStorageOrNone(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

const storage = localStorageOrNone();

/** The one training store of the page. */
export const trainingStore = createTrainingStore({
  createClient: createTrainingWorkerClient,
  documents: documentStore,
  ...(storage === undefined ? {} : { storage }),
});

/** Hook over `trainingStore`; also has `getState`, `setState` and `subscribe`. */
export const useTrainingStore = Object.assign(
  <T>(selector: (state: TrainingState) => T): T => useStore(trainingStore, selector),
  trainingStore,
);

export type { TrainingState } from './store.ts';
export type { TrainingStatus } from './types.ts';
