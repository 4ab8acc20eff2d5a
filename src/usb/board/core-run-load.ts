/**
 * Loading a network into the board's idle core: refused, naming each resource, when it does
 * not fit the capacity the bitstream was built with; else `coreLoadWrites` (every image word,
 * then the run's starting state) in batches, with progress in words and seconds left, and a
 * cancel between batches that leaves the core idle and says it holds only part of the network.
 */
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import type { CoreLayout } from '../../hdl/core-images.ts';
import { coreLoadWrites } from '../../hdl/core-memory-map.ts';
import {
  BoardRunCancelled,
  type BridgeLike,
  CountingBridge,
  executeBatched,
  MAX_BATCH_COMMANDS,
} from './core-run-bridge.ts';
import { describeShortfalls } from './core-run-capacity.ts';

export interface LoadProgress {
  words: number;
  totalWords: number;
  /** From the rate so far (0 before the first batch is done). */
  secondsLeft: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
  /** Bridge writes per batch (default `MAX_BATCH_COMMANDS`). */
  batchWords?: number;
}

export interface LoadResult {
  words: number;
  frames: number;
  seconds: number;
}

/** A network the core cannot hold: `shortfalls` says what, per resource. */
export class NetworkTooLargeError extends Error {
  override name = 'NetworkTooLargeError';
  constructor(readonly shortfalls: readonly string[]) {
    super(`the network does not fit the board's core:\n${shortfalls.join('\n')}`);
  }
}

/**
 * Writes `layout`'s network into the core behind `bridge` (idle: nothing runs while it loads).
 *
 * @throws NetworkTooLargeError before any write when it does not fit `capacity`;
 *   BoardRunCancelled when `signal` fires (between batches: the core is idle and holds part of
 *   the network); the bridge's own errors (USB, protocol) when a write fails.
 */
export async function loadNetwork(
  bridge: BridgeLike,
  layout: CoreLayout,
  capacity: CoreCapacity,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const short = describeShortfalls(capacity, layout.needs);
  if (short.length > 0) throw new NetworkTooLargeError(short);
  const writes = coreLoadWrites(layout.images, capacity);
  const counting = new CountingBridge(bridge);
  const started = performance.now();
  const partly = (done: number): string =>
    `cancelled: the core is idle and holds only ${done} of the network's ${writes.length} ` +
    'words; load it again before running';
  if (options.signal?.aborted === true) throw new BoardRunCancelled(partly(0));
  await executeBatched(counting, writes, options.batchWords ?? MAX_BATCH_COMMANDS, (done) => {
    const elapsed = (performance.now() - started) / 1000;
    options.onProgress?.({
      words: done,
      totalWords: writes.length,
      secondsLeft: (elapsed * (writes.length - done)) / done,
    });
    if (options.signal?.aborted === true && done < writes.length) {
      throw new BoardRunCancelled(partly(done));
    }
  });
  return {
    words: writes.length,
    frames: counting.frames,
    seconds: (performance.now() - started) / 1000,
  };
}
