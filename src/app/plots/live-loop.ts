/**
 * The one animation-frame loop of the live canvases. It runs only while a drawer is registered
 * (while a run streams), calls every drawer once per frame, and keeps totals of the time spent
 * so measurements can tell the renderer's own main-thread cost from the frame interval.
 */

/** Draws one frame; `now` is the frame's timestamp. */
export type LiveDrawer = (now: number) => void;

const drawers = new Set<LiveDrawer>();
let frame = 0;

/** Time the drawers took, ms, since the page loaded (read by scripts/measure-frames.ts). */
export const liveLoopStats = { frames: 0, busyMs: 0, maxMs: 0 };

function tick(now: number): void {
  frame = requestAnimationFrame(tick);
  const t0 = performance.now();
  for (const draw of drawers) draw(now);
  const spent = performance.now() - t0;
  liveLoopStats.frames += 1;
  liveLoopStats.busyMs += spent;
  liveLoopStats.maxMs = Math.max(liveLoopStats.maxMs, spent);
}

/** Calls `draw` on every animation frame until the returned function is called. */
export function addLiveDrawer(draw: LiveDrawer): () => void {
  drawers.add(draw);
  if (!frame) frame = requestAnimationFrame(tick);
  return () => {
    drawers.delete(draw);
    if (drawers.size === 0 && frame) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
}
