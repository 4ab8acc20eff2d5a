/** Progress arithmetic of the training panel (pure). */

/**
 * Share of all batches done, from the last progress report (epochs and batches count from 1).
 *
 * @example trainedFraction({ epoch: 2, batch: 3, batches: 4 }, 4) // (1 + 3/4) / 4
 */
export function trainedFraction(
  progress: { epoch: number; batch: number; batches: number } | null,
  epochs: number,
): number {
  if (progress === null || epochs < 1 || progress.batches < 1) return 0;
  return Math.min(1, (progress.epoch - 1 + progress.batch / progress.batches) / epochs);
}

/** x of a batch on an axis of epochs: batch b of epoch e ends at `e - 1 + b / batches`. */
export function batchAxis(index: number, batchesPerEpoch: number): number {
  return (index + 1) / Math.max(1, batchesPerEpoch);
}
