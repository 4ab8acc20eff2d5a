/**
 * One Run on board, in the board worker: prepare the document (refusals named), read the
 * core's capacity (a network too large is refused, naming what the core holds), run the
 * engine on the same document and steps, load the network (progress in words), run it in
 * chunks with the board's spikes streamed back, and compare the two records.
 * The host steps are `src/usb/board/core-run.ts`, the CLI's `board run`; this file only orders
 * them and turns their outcomes into the page's reports.
 */
import { compareSpikes, type SpikeEvent } from '../../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../model/document.ts';
import {
  BoardRunCancelled,
  type BridgeLike,
  describeShortfalls,
  loadNetwork,
  readCapacity,
  runOnCore,
} from '../../../usb/board/core-run.ts';
import { runEngine } from './board-engine-run.ts';
import { prepareBoardDocument } from './board-prepare.ts';
import type { RunDone, RunProgress } from './board-protocol.ts';

/** The board's spikes are sent to the page at most this often (each report redraws a raster). */
export const SPIKE_REPORT_MS = 100;

/** A run the page refuses before the board is touched (the message names why). */
export class RunRefusedError extends Error {
  override name = 'RunRefusedError';
}

export interface RunOnBoardOptions {
  signal: AbortSignal;
  onProgress: (progress: RunProgress) => void;
  /** After each chunk read: the demo's "unplug during the run" arms itself here. */
  onChunk?: (steps: number, totalSteps: number) => void;
  now?: () => number;
}

/**
 * Runs `document` on the core behind `bridge` and beside the engine.
 *
 * @throws RunRefusedError (the document cannot run on the core, or does not fit the loaded
 *   core: what fits is named), BoardRunCancelled (between batches or chunks; the core is
 *   idle), the engine's errors, and the bridge's (USB, protocol).
 */
export async function runOnBoard(
  bridge: BridgeLike,
  document: NetworkDocument,
  options: RunOnBoardOptions,
): Promise<RunDone> {
  const now = options.now ?? (() => performance.now());
  const { signal, onProgress } = options;
  const prepared = prepareBoardDocument(document);
  if (!prepared.ok) throw new RunRefusedError(prepared.message);
  const { layout, steps } = prepared.run;
  // What fits is known before the engine spends time on a network the core cannot hold.
  const capacity = await readCapacity(bridge);
  const short = describeShortfalls(capacity, layout.needs);
  if (short.length > 0) {
    throw new RunRefusedError(
      `'${document.name}' does not fit the core the board holds:\n${short.join('\n')}`,
    );
  }
  onProgress({ kind: 'prepared', dt: prepared.run.plan.dt, totalSteps: steps });

  let engine;
  try {
    engine = await runEngine(prepared.run.document, signal);
  } catch (error) {
    if (signal.aborted) throw new BoardRunCancelled('cancelled before the board was touched');
    throw error;
  }
  onProgress({ kind: 'engine', backend: engine.backend, spikes: engine.spikes });

  onProgress({ kind: 'load', words: 0, totalWords: 0 });
  await loadNetwork(bridge, layout, capacity, {
    signal,
    onProgress: ({ words, totalWords }) => onProgress({ kind: 'load', words, totalWords }),
  });

  // The board's spikes are gathered and sent at most every SPIKE_REPORT_MS, and whatever is
  // pending before the run ends either way, so the page keeps every spike read.
  let pending: SpikeEvent[] = [];
  let stepsRead = 0;
  let stepsReported = 0;
  let lastReport = now();
  const flush = (): void => {
    if (pending.length === 0 && stepsRead === stepsReported) return;
    onProgress({ kind: 'spikes', spikes: pending, steps: stepsRead });
    pending = [];
    stepsReported = stepsRead;
    lastReport = now();
  };
  let board;
  try {
    board = await runOnCore(bridge, layout, capacity, {
      steps,
      signal,
      names: prepared.run.populations,
      onSpikes: (spikes) => {
        for (const s of spikes) pending.push(s);
      },
      onProgress: (p) => {
        stepsRead = p.steps;
        if (now() - lastReport >= SPIKE_REPORT_MS || p.steps === p.totalSteps) flush();
        options.onChunk?.(p.steps, p.totalSteps);
      },
    });
  } finally {
    flush();
  }
  return {
    verdict: compareSpikes(engine.spikes, board.spikes),
    spikes: board.spikes.length,
    seconds: board.seconds,
  };
}
