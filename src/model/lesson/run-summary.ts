/**
 * What a lesson check knows of the runs: the last finished run of the Run tab and the last run
 * on the (virtual) board, each with the document that ran, so a check can tell a run of the
 * network on screen from a run of an earlier version of it. Built by the page from the session
 * and board stores (`src/app/lesson/run-summary.ts`); plain data here so checks stay pure.
 */
import type { NetworkDocument } from '../document.ts';

/** Spikes of one population over the whole run. */
export interface PopulationCount {
  count: number;
  size: number;
}

export interface RunSummary {
  /** The document the run was compiled from. */
  document: NetworkDocument;
  /** Simulated time of the run, ms. */
  durationMs: number;
  /** Populations with a spikes probe, by id. */
  spikes: Record<string, PopulationCount>;
}

/** The outcome of the last run on the board, once it compared its spikes with the engine's. */
export type BoardOutcome =
  | { kind: 'bit-exact'; spikes: number }
  | { kind: 'differs'; step: number; population: string }
  | { kind: 'unfinished' };

export interface BoardSummary {
  document: NetworkDocument;
  outcome: BoardOutcome;
}

/** Everything a check reads: the network on screen and the last runs. */
export interface CheckContext {
  document: NetworkDocument;
  run: RunSummary | null;
  board: BoardSummary | null;
}

/** Fields that do not change what a network computes: where things are drawn, names, notes. */
const PRESENTATION = new Set(['position', 'layout3d', 'label', 'name', 'description', 'live']);

function canonical(doc: NetworkDocument): string {
  return JSON.stringify(doc, (key, value: unknown) => (PRESENTATION.has(key) ? undefined : value));
}

/**
 * Whether two documents compute the same run: equal but for canvas and 3D placement, names,
 * labels, descriptions and the list of live sliders. A check reads a run only when the network
 * it ran is the one on screen, so a student cannot run, then change the work, and keep the pass.
 *
 * @example sameNetwork(doc, { ...doc, name: 'renamed' }) // true
 */
export function sameNetwork(a: NetworkDocument, b: NetworkDocument): boolean {
  return a === b || canonical(a) === canonical(b);
}
