/** Where the live-change markers go on the plots' time axis. */
import type { LiveLogEntry } from '../../store/session/live-log.ts';

export interface Marker {
  step: number;
  /** CSS px from the overlay's left edge. */
  x: number;
  /** The changes made at this step (several sliders moved between two chunks). */
  entries: LiveLogEntry[];
}

/**
 * The markers of the changes inside the time range `[t0, t1]` ms, on a plot area starting at
 * `area.left` px and `area.width` px wide; changes at one step share a marker.
 *
 * @example markersInWindow([{ step: 50, ... }], 0.1, [0, 10], { left: 64, width: 100 })
 *   // [{ step: 50, x: 114, entries: [...] }]
 */
export function markersInWindow(
  entries: readonly LiveLogEntry[],
  dt: number,
  [t0, t1]: [number, number],
  area: { left: number; width: number },
): Marker[] {
  const byStep = new Map<number, LiveLogEntry[]>();
  for (const e of entries) {
    const t = e.step * dt;
    if (t < t0 || t > t1) continue;
    byStep.set(e.step, [...(byStep.get(e.step) ?? []), e]);
  }
  const span = Math.max(t1 - t0, Number.EPSILON);
  return [...byStep].map(([step, list]) => ({
    step,
    x: Math.round(area.left + ((step * dt - t0) / span) * area.width),
    entries: list,
  }));
}
