/** The page's one resource-fit store: the bundled core's fit and the Yosys worker, for React. */
import { useStore } from 'zustand';
import { createFitStore, type FitState } from './fit-store.ts';
import { createYosysWorkerRunner } from './yosys-worker-client.ts';

export const fitStore = createFitStore({
  // The core's text and the generator load on first use, not with the page.
  prepare: async (doc) => (await import('./fit-estimate.ts')).pageFit(doc),
  createRunner: createYosysWorkerRunner,
});

/** Hook over `fitStore` with a narrow selector. */
export function useFitStore<T>(selector: (state: FitState) => T): T {
  return useStore(fitStore, selector);
}
