/**
 * Redraws a plot from the run record when it changed, through the shared frame scheduler (one
 * plot per animation frame) and no more often than `minIntervalMs`: chunks can arrive faster
 * than frames, and React must not re-render per chunk. While a run streams the live canvases
 * draw instead (useLiveCanvas.ts) and the plotly figures wait, disabled.
 */
import { useEffect, useRef } from 'react';
import type { RunRecord } from '../../store/session/record.ts';
import { cancelDraw, scheduleDraw } from './frame-scheduler.ts';

/**
 * Calls `draw(record)` after changes of `record` (and once at the start) while `enabled`; when
 * enabled again it draws at once, catching up with what changed meanwhile.
 */
export function useRecordRedraw(
  record: RunRecord | null,
  draw: (record: RunRecord) => void,
  minIntervalMs = 0,
  enabled = true,
): void {
  // The latest `draw` is read through a ref so a new closure does not resubscribe.
  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  }, [draw]);

  useEffect(() => {
    if (!record || !enabled) return;
    let drawnVersion = -1;
    let lastDraw = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const paint = () => {
      if (record.version === drawnVersion) return;
      drawnVersion = record.version;
      lastDraw = performance.now();
      drawRef.current(record);
    };
    const schedule = () => {
      if (timer) return;
      const wait = lastDraw + minIntervalMs - performance.now();
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = null;
          scheduleDraw(paint);
        }, wait);
      } else {
        scheduleDraw(paint);
      }
    };
    const unsubscribe = record.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      cancelDraw(paint);
      if (timer) clearTimeout(timer);
    };
  }, [record, minIntervalMs, enabled]);
}
