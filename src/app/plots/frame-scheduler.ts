/**
 * One animation-frame loop shared by every live plot, drawing at most one plot per frame. A
 * plot redraw is the most expensive thing the page does; three in one frame would make one
 * long frame, while one per frame keeps every frame short and still gives each plot 20+ fps.
 */

type Job = () => void;

const queue: Job[] = [];
let frame = 0;

function tick(): void {
  frame = 0;
  const job = queue.shift();
  job?.();
  if (queue.length > 0) frame = requestAnimationFrame(tick);
}

/** Runs `job` on a coming animation frame, after the jobs queued before it; once if queued twice. */
export function scheduleDraw(job: Job): void {
  if (queue.includes(job)) return;
  queue.push(job);
  if (!frame) frame = requestAnimationFrame(tick);
}

/** Forgets a queued job (its plot unmounted). */
export function cancelDraw(job: Job): void {
  const k = queue.indexOf(job);
  if (k >= 0) queue.splice(k, 1);
}
