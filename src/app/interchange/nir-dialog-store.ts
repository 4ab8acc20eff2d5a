/**
 * Which NIR dialog is open: the import of a file that was read (its graph waits for the
 * user's dt and discretisation) or the report of an export that was downloaded. UI state only.
 */
import { create } from 'zustand';
import type { NirGraph } from '../../model/interchange/nir/graph.ts';
import type { NirReport } from '../../model/interchange/nir/report.ts';
import type { NirImportModule } from './nir-module.ts';

export interface PendingNirImport {
  fileName: string;
  /** The NIR version the file declares. */
  version: string;
  graph: NirGraph;
  nir: NirImportModule;
}

export interface NirExportOutcome {
  fileName: string;
  report: NirReport;
}

interface NirDialogState {
  pendingImport: PendingNirImport | null;
  /** Counts imports shown, so a second file (even of the same name) gets a fresh dialog. */
  importCount: number;
  exported: NirExportOutcome | null;
  showImport: (pending: PendingNirImport) => void;
  showExport: (outcome: NirExportOutcome) => void;
  close: () => void;
}

export const useNirDialogs = create<NirDialogState>()((set, get) => ({
  pendingImport: null,
  importCount: 0,
  exported: null,
  showImport: (pendingImport) =>
    set({ pendingImport, importCount: get().importCount + 1, exported: null }),
  showExport: (exported) => set({ exported, pendingImport: null }),
  close: () => set({ pendingImport: null, exported: null }),
}));
