/** The page's one Hardware store, bound to the engine worker, the document store and React. */
import { useStore } from 'zustand';
import { documentStore } from '../../store/document/index.ts';
import { createWorkerClient } from '../../store/session/worker-client.ts';
import { createHardwareStore, type HardwareState } from './hardware-store.ts';

export const hardwareStore = createHardwareStore({
  createClient: createWorkerClient,
  documents: documentStore,
});

/** Hook over `hardwareStore` with a narrow selector. */
export function useHardwareStore<T>(selector: (state: HardwareState) => T): T {
  return useStore(hardwareStore, selector);
}
