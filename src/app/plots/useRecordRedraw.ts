/**
 * Redraws a plot from the run record at most once per animation frame, and only when the
 * record changed: chunks can arrive faster than frames, and React must not re-render per chunk.
 */
import { useEffect, useRef } from 'react';
import type { RunRecord } from '../../store/session/record.ts';

/**
 * Calls `draw(record)` on the next animation frame after each change of `record` (and once at
 * the start), no more often than every `minIntervalMs`.
 */
export function useRecordRedraw(
  record: RunRecord | null,
  draw: (record: RunRecord) => void,
  minIntervalMs = 0,
): void {
  // The latest `draw` is read through a ref so a new closure does not resubscribe.
  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  }, [draw]);

  useEffect(() => {
    if (!record) return;
    let frame = 0;
    let drawnVersion = -1;
    let lastDraw = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const paint = () => {
      frame = 0;
      if (record.version === drawnVersion) return;
      drawnVersion = record.version;
      lastDraw = performance.now();
      drawRef.current(record);
    };
    const schedule = () => {
      if (frame || timer) return;
      const wait = lastDraw + minIntervalMs - performance.now();
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = null;
          frame = requestAnimationFrame(paint);
        }, wait);
      } else {
        frame = requestAnimationFrame(paint);
      }
    };
    const unsubscribe = record.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [record, minIntervalMs]);
}
