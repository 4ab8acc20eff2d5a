/**
 * The Hardware panel's state, kept outside the component so a comparison survives switching
 * tabs (only the open tab is mounted): the chosen width, the comparison's progress, its result,
 * and Apply. Vanilla zustand with its engine client and document store injected, so Node tests
 * drive it with an in-process engine.
 */
import { createStore } from 'zustand/vanilla';
import type { NetworkDocument } from '../../model/document.ts';
import {
  DEFAULT_TOTAL_BITS,
  quantiseForHardware,
  type QuantiseReport,
} from '../../hdl/quantise-for-hardware.ts';
import type { EngineClientFactory } from '../../store/session/types.ts';
import { withSpikeProbes } from './comparison-document.ts';
import { rateRows, type RateRow } from './rate-table.ts';
import { runToEnd, spikeCounts, type RunSpikes } from './run-to-end.ts';

export type ComparisonStatus = 'idle' | 'running' | 'done' | 'error';

export interface Comparison {
  /** The editor's document that was quantised (Apply refuses once it has changed). */
  source: NetworkDocument;
  /** The quantised document, as Apply writes it. */
  quantised: NetworkDocument;
  report: QuantiseReport;
  float: RunSpikes;
  fixed: RunSpikes;
  rows: RateRow[];
}

export interface HardwareState {
  totalBits: number;
  status: ComparisonStatus;
  /** Which run is going, and how far (0..1). */
  progress: { phase: 'float' | 'fixed'; fraction: number } | null;
  comparison: Comparison | null;
  /** Whether the comparison's quantised document has been applied to the editor. */
  applied: boolean;
  /** What the last comparison, cancel or Apply said (a failure or a confirmation). */
  message: string | null;
  setTotalBits: (bits: number) => void;
  /** Quantises the editor's document and runs both networks. */
  compare: () => Promise<void>;
  cancel: () => void;
  /** Replaces the editor's document by the quantised one (one undo step); false if refused. */
  apply: () => boolean;
}

/** What the store needs of the document store. */
export interface DocumentAccess {
  getState(): {
    document: NetworkDocument;
    loadDocument: (doc: NetworkDocument, options?: { record?: boolean; label?: string }) => void;
  };
}

export interface HardwareDeps {
  createClient: EngineClientFactory;
  documents: DocumentAccess;
}

export const APPLY_LABEL = 'Quantise for hardware';

export function createHardwareStore(deps: HardwareDeps) {
  return createStore<HardwareState>()((set, get) => {
    /** The comparison in flight: a cancel terminates its worker and bumps the generation. */
    let active: { terminate: () => void } | null = null;
    let generation = 0;

    return {
      totalBits: DEFAULT_TOTAL_BITS,
      status: 'idle',
      progress: null,
      comparison: null,
      applied: false,
      message: null,

      setTotalBits: (bits) => set({ totalBits: bits }),

      compare: async () => {
        get().cancel();
        const gen = ++generation;
        const source = deps.documents.getState().document;
        let quantised: ReturnType<typeof quantiseForHardware>;
        try {
          quantised = quantiseForHardware(source, { totalBits: get().totalBits });
        } catch (error) {
          set({ status: 'error', message: messageOf(error), comparison: null });
          return;
        }
        // A worker that dies on its own sends no more events: its crash ends the comparison.
        let crashed: (error: Error) => void = () => {};
        const crash = new Promise<never>((_, reject) => {
          crashed = reject;
        });
        crash.catch(() => {}); // Raced below; unobserved when nothing crashes.
        const client = deps.createClient((reason) => crashed(new Error(reason)));
        active = client;
        set({
          status: 'running',
          progress: { phase: 'float', fraction: 0 },
          message: null,
          applied: false,
        });
        const progress = (phase: 'float' | 'fixed') => (fraction: number) => {
          if (gen === generation) set({ progress: { phase, fraction } });
        };
        try {
          const float = await Promise.race([
            runToEnd(client, withSpikeProbes(source), progress('float')),
            crash,
          ]);
          if (gen !== generation) return;
          const fixedDoc = withSpikeProbes(quantised.document);
          const fixed = await Promise.race([runToEnd(client, fixedDoc, progress('fixed')), crash]);
          if (gen !== generation) return;
          const durationMs = float.totalSteps * float.dt;
          set({
            status: 'done',
            progress: null,
            comparison: {
              source,
              quantised: quantised.document,
              report: quantised.report,
              float,
              fixed,
              rows: rateRows(
                source,
                quantised.document,
                spikeCounts(float),
                spikeCounts(fixed),
                durationMs,
              ),
            },
          });
        } catch (error) {
          if (gen !== generation) return;
          set({ status: 'error', progress: null, message: messageOf(error) });
        } finally {
          if (gen === generation) active = null;
          client.terminate();
        }
      },

      cancel: () => {
        if (active === null) return;
        generation += 1;
        active.terminate();
        active = null;
        set({ status: 'idle', progress: null, message: 'Cancelled.' });
      },

      apply: () => {
        const comparison = get().comparison;
        // Nothing converted: applying would only add an undo entry that changes nothing.
        if (comparison === null || get().applied || comparison.report.converted.length === 0) {
          return false;
        }
        const documents = deps.documents.getState();
        if (documents.document !== comparison.source) {
          set({
            message: 'The network changed since it was quantised: quantise it again to apply.',
          });
          return false;
        }
        documents.loadDocument(comparison.quantised, { label: APPLY_LABEL });
        set({ applied: true, message: 'Applied as one edit: undo brings the float network back.' });
        return true;
      },
    };
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type HardwareStore = ReturnType<typeof createHardwareStore>;
