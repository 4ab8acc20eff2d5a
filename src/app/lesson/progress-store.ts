/** The page's one progress store, on localStorage (absent in a sandboxed frame). */
import { useStore } from 'zustand';
import { createProgressStore, type ProgressState } from './progress.ts';

function storageOrNone(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const progressStore = createProgressStore(storageOrNone());

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(progressStore, selector);
}

/** The first step of a lesson not yet done (where "continue" leads), within 1..steps. */
export function resumeStep(done: readonly number[], steps: number): number {
  for (let k = 1; k <= steps; k += 1) if (!done.includes(k)) return k;
  return Math.max(1, steps);
}
