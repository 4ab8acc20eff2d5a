/**
 * The Hardware tab's resource fit, kept outside the component so a running synthesis survives
 * switching tabs: the estimate of the editor's document (at once), then Yosys on the export in
 * a worker (progress, elapsed time, cancel), its counts beside the estimate. A result belongs
 * to the document it was made for; the component marks it stale once the document changes.
 * Vanilla zustand with the fit and the Yosys runner injected, so Node tests drive it.
 */
import { createStore } from 'zustand/vanilla';
import { CapacityError, ExportRefusedError } from '../../hdl/export-verilog.ts';
import type { NetworkFit } from '../../hdl/fit/fit-network.ts';
import { STAT_FILE, synthScript } from '../../hdl/fit/synth-script.ts';
import { parseYosysStat, type YosysCounts } from '../../hdl/fit/yosys-stat.ts';
import type { NetworkDocument } from '../../model/document.ts';
import type { YosysRunner, YosysRunnerFactory } from './yosys-protocol.ts';

export type FitEstimate =
  | { source: NetworkDocument; fit: NetworkFit; ms: number }
  | { source: NetworkDocument; error: string[] };

export interface Synthesis {
  source: NetworkDocument;
  fit: NetworkFit;
  counts: YosysCounts;
  /** Seconds Yosys ran; `loadSeconds` went to loading its WebAssembly first. */
  seconds: number;
  loadSeconds: number;
  /** The @yowasp/yosys version. */
  version: string;
}

export type SynthesisStatus = 'idle' | 'loading' | 'running' | 'done' | 'error';

/** The passes a run shows (the newest last). */
export const PASSES_SHOWN = 4;

export interface FitState {
  estimate: FitEstimate | null;
  status: SynthesisStatus;
  /** The run in flight: when it started (`performance.now()` ms) and its latest passes. */
  run: { source: NetworkDocument; startedMs: number; passes: string[]; count: number } | null;
  synthesis: Synthesis | null;
  /** A failure or a cancel, naming what happened. */
  message: string | null;
  /** The estimate of `doc` (kept while the document is the same object). */
  estimateFor: (doc: NetworkDocument) => Promise<FitEstimate>;
  /** Synthesises the export of `doc` with Yosys; the previous run is cancelled. */
  synthesise: (doc: NetworkDocument) => Promise<void>;
  cancel: () => void;
}

export interface FitDeps {
  /** `fitNetwork` of the document (throws export-verilog's refusal and capacity errors). */
  prepare: (doc: NetworkDocument) => Promise<NetworkFit>;
  createRunner: YosysRunnerFactory;
  now?: () => number;
}

function errorLines(error: unknown): string[] {
  if (error instanceof ExportRefusedError) {
    const summary = error.message.split('\n')[0] ?? error.message;
    return [summary, ...error.refusals.map((r) => r.message)];
  }
  if (error instanceof CapacityError) return [error.message];
  return [`The estimate failed: ${error instanceof Error ? error.message : String(error)}`];
}

export function createFitStore(deps: FitDeps) {
  const now = deps.now ?? (() => performance.now());
  return createStore<FitState>()((set, get) => {
    /** A runner whose WebAssembly is loaded is kept for the next run; a cancel discards it. */
    let runner: YosysRunner | null = null;
    let generation = 0;

    const estimateFor = async (doc: NetworkDocument): Promise<FitEstimate> => {
      const known = get().estimate;
      if (known !== null && known.source === doc) return known;
      let estimate: FitEstimate;
      const started = now();
      try {
        const fit = await deps.prepare(doc);
        estimate = { source: doc, fit, ms: now() - started };
      } catch (error) {
        estimate = { source: doc, error: errorLines(error) };
      }
      set({ estimate });
      return estimate;
    };

    const dropRunner = (): void => {
      runner?.terminate();
      runner = null;
    };

    return {
      estimate: null,
      status: 'idle',
      run: null,
      synthesis: null,
      message: null,
      estimateFor,

      synthesise: async (doc) => {
        if (get().run !== null) get().cancel();
        const gen = ++generation;
        const estimate = await estimateFor(doc);
        if (gen !== generation) return;
        if ('error' in estimate) {
          set({ status: 'error', message: estimate.error.join('\n') });
          return;
        }
        const { fit } = estimate;
        const files = Object.fromEntries(fit.exported.files.map((f) => [f.path, f.text]));
        set({
          status: 'loading',
          message: null,
          run: { source: doc, startedMs: now(), passes: [], count: 0 },
        });
        runner ??= deps.createRunner();
        try {
          const outcome = await runner.run(
            { files, script: synthScript(fit.exported.capacity), statFile: STAT_FILE },
            {
              loaded: () => {
                if (gen === generation) set({ status: 'running' });
              },
              progress: (line) => {
                const run = get().run;
                if (gen !== generation || run === null) return;
                const passes = [...run.passes, line].slice(-PASSES_SHOWN);
                set({ status: 'running', run: { ...run, passes, count: run.count + 1 } });
              },
            },
          );
          if (gen !== generation) return;
          const counts = parseYosysStat(outcome.stat);
          set({
            status: 'done',
            run: null,
            synthesis: {
              source: doc,
              fit,
              counts,
              seconds: outcome.seconds,
              loadSeconds: outcome.loadSeconds,
              version: outcome.version,
            },
          });
        } catch (error) {
          if (gen !== generation) return;
          // A worker that failed may be in any state: the next run starts a fresh one.
          dropRunner();
          const reason = error instanceof Error ? error.message : String(error);
          set({ status: 'error', run: null, message: reason });
        }
      },

      cancel: () => {
        const run = get().run;
        if (run === null) return;
        generation++;
        dropRunner();
        const seconds = ((now() - run.startedMs) / 1000).toFixed(1);
        set({
          status: 'idle',
          run: null,
          message: `Synthesis cancelled after ${seconds} s (the Yosys worker was stopped).`,
        });
      },
    };
  });
}
