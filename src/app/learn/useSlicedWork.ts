/**
 * Runs a long computation in slices of a few milliseconds, one slice per animation frame, so
 * the page keeps drawing and answering input while it works. Re-renders after every slice
 * with the progress, so figures can show partial results as they come in.
 */
import { useEffect, useRef, useState } from 'react';

/** Work that can be done a slice at a time. */
export interface SlicedTask {
  advance(budgetMs: number): void;
  done(): boolean;
  /** Fraction done, 0..1. */
  progress(): number;
}

/** Milliseconds of work per frame: leaves a few of a 60 Hz frame for drawing and input. */
const BUDGET_MS = 12;
/** Re-render with partial results at most this often: a redraw of a figure costs frames too. */
const REPORT_MS = 150;

/**
 * Works on `task` until it is done, `task` changes or the component unmounts (the work stops
 * where it is; the task keeps its partial results). Returns the progress after the last slice.
 */
export function useSlicedWork<T extends SlicedTask>(
  task: T | null,
  onDone: (task: T) => void,
): number {
  const [progress, setProgress] = useState(0);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (task === null) return;
    let frame = 0;
    let reported = -Infinity;
    const slice = (now: number) => {
      task.advance(BUDGET_MS);
      const finished = task.done();
      if (finished || now - reported >= REPORT_MS) {
        reported = now;
        setProgress(task.progress());
      }
      if (finished) done.current(task);
      else frame = requestAnimationFrame(slice);
    };
    frame = requestAnimationFrame(slice);
    return () => cancelAnimationFrame(frame);
  }, [task]);
  return task === null ? 0 : progress;
}
