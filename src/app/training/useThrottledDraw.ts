/**
 * Redraws a figure at most every `intervalMs` while its inputs change (a training reports up
 * to hundreds of batches a second; plotly needs several ms per redraw), and once more with the
 * last inputs when they stop.
 */
import { useEffect, useRef } from 'react';

export function useThrottledDraw(draw: () => void, intervalMs: number): void {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(draw);
  latest.current = draw;
  useEffect(() => {
    if (timer.current !== null) return; // a redraw is due and will use the newest `draw`
    const wait = Math.max(0, last.current + intervalMs - performance.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = performance.now();
      latest.current();
    }, wait);
  }, [draw, intervalMs]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
}
