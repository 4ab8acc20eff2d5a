/** Which data file waits in the import dialog. UI state only. */
import { create } from 'zustand';
import type { PendingData } from './import-plan.ts';

interface DataDialogState {
  pending: PendingData | null;
  /** Counts files shown, so a second file (even of the same name) gets a fresh dialog. */
  count: number;
  show: (pending: PendingData) => void;
  close: () => void;
}

export const useDataDialog = create<DataDialogState>()((set, get) => ({
  pending: null,
  count: 0,
  show: (pending) => set({ pending, count: get().count + 1 }),
  close: () => set({ pending: null }),
}));
