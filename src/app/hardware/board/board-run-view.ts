/**
 * The page's view of one run on the board, built from the worker's run reports by a pure
 * reducer: the document run, how far the load and the run are, the engine's spikes and the
 * board's (as the rasters draw them, by population id), and the outcome. An unplug or a cancel
 * leaves it as it was: the network and the spikes read so far stay on screen.
 */
import type { SpikeEvent } from '../../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../model/document.ts';
import type { PopulationSpikes, RunSpikes } from '../run-to-end.ts';
import type { RunDone, RunProgress } from './board-protocol.ts';

export type RunStage = 'preparing' | 'engine' | 'loading' | 'running' | 'done' | 'stopped';

export interface LoadView {
  readonly words: number;
  readonly totalWords: number;
  /** Seconds since the load started (for the seconds left). */
  readonly elapsedSeconds: number;
}

export interface BoardRunView {
  /** The editor's document as it was sent (population names and raster rows). */
  readonly document: NetworkDocument;
  readonly stage: RunStage;
  readonly dt: number;
  readonly totalSteps: number;
  /** The engine's run of the same steps, once computed. */
  readonly engine: RunSpikes | null;
  /** The board's spikes read so far. */
  readonly board: RunSpikes;
  readonly boardSpikes: number;
  /** Steps the board has run and been read. */
  readonly steps: number;
  readonly load: LoadView | null;
  /** When the load started (the caller's clock, ms), for `LoadView.elapsedSeconds`. */
  readonly loadStarted: number | null;
  readonly done: RunDone | null;
}

const emptySpikes = (doc: NetworkDocument, dt: number, totalSteps: number, backend: string) =>
  ({
    dt,
    totalSteps,
    backend,
    spikes: Object.fromEntries(doc.populations.map((p) => [p.id, { steps: [], indices: [] }])),
  }) satisfies RunSpikes;

/** A run just sent: nothing known yet but the document. */
export function startRunView(document: NetworkDocument): BoardRunView {
  return {
    document,
    stage: 'preparing',
    dt: document.run.dt,
    totalSteps: 0,
    engine: null,
    board: emptySpikes(document, document.run.dt, 0, 'board'),
    boardSpikes: 0,
    steps: 0,
    load: null,
    loadStarted: null,
    done: null,
  };
}

/**
 * `base` with `events` added, by population id of `doc` (new arrays: the figure is rebuilt
 * from them). Events of a population the document does not have are dropped.
 */
export function addSpikes(
  doc: NetworkDocument,
  base: RunSpikes,
  events: readonly SpikeEvent[],
): RunSpikes {
  const spikes: Record<string, PopulationSpikes> = {};
  for (const [id, s] of Object.entries(base.spikes)) {
    spikes[id] = { steps: [...s.steps], indices: [...s.indices] };
  }
  for (const e of events) {
    const id = doc.populations[e.population]?.id;
    const into = id === undefined ? undefined : spikes[id];
    if (into === undefined) continue;
    into.steps.push(e.step);
    into.indices.push(e.index);
  }
  return { ...base, spikes };
}

/** The view after one report of the worker; `now` is the caller's clock in ms. */
export function applyRunProgress(
  view: BoardRunView,
  progress: RunProgress,
  now: number,
): BoardRunView {
  const doc = view.document;
  switch (progress.kind) {
    case 'prepared':
      // A retry runs again from here: the new run replaces the spikes of the one cut short.
      return {
        ...startRunView(doc),
        stage: 'engine',
        dt: progress.dt,
        totalSteps: progress.totalSteps,
        board: emptySpikes(doc, progress.dt, progress.totalSteps, 'board'),
      };
    case 'engine':
      return {
        ...view,
        stage: 'loading',
        engine: addSpikes(
          doc,
          emptySpikes(doc, view.dt, view.totalSteps, progress.backend),
          progress.spikes,
        ),
      };
    case 'load': {
      const started = view.loadStarted ?? now;
      return {
        ...view,
        stage: 'loading',
        loadStarted: started,
        load: {
          words: progress.words,
          totalWords: progress.totalWords,
          elapsedSeconds: (now - started) / 1000,
        },
      };
    }
    case 'spikes':
      return {
        ...view,
        stage: 'running',
        steps: progress.steps,
        board: addSpikes(doc, view.board, progress.spikes),
        boardSpikes: view.boardSpikes + progress.spikes.length,
      };
  }
}

/** The run finished and was compared. */
export function finishRunView(view: BoardRunView, done: RunDone): BoardRunView {
  return { ...view, stage: 'done', steps: view.totalSteps, done };
}

/** The run stopped (unplug, cancel, a failure): what was read stays. */
export function stopRunView(view: BoardRunView): BoardRunView {
  return { ...view, stage: 'stopped' };
}
