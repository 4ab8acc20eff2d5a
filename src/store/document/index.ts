/**
 * The network document store, bound to React. Components read through narrow selectors
 * (`useDocumentStore((s) => s.document.run.dt)`); non-React code uses `getState()`.
 */
import { useStore } from 'zustand';
import { createDocumentStore } from './store.ts';
import type { DocumentState } from './store.ts';

/** The one document store of the page. */
export const documentStore = createDocumentStore();

/** Hook over `documentStore`; also has `getState`, `setState` and `subscribe`. */
export const useDocumentStore = Object.assign(
  <T>(selector: (state: DocumentState) => T): T => useStore(documentStore, selector),
  documentStore,
);

export type { DocumentState, ApplyOptions } from './store.ts';
export { createDocumentStore, PASTE_OFFSET } from './store.ts';
export type { DocumentEdit, ParamsPatch, PopulationPatch, ProjectionPatch } from './edits.ts';
export type { Fragment } from './fragment.ts';
export type { Selection } from './selection.ts';
export { emptySelection, isSelectionEmpty, selectedRateInputs } from './selection.ts';
export { DEFAULT_RATES_TAU, constantInputs, rateInputLayers } from './sc-inputs.ts';
export { applyEdit } from './reduce.ts';
export { checkEdit } from './check-edit.ts';
