/**
 * In-page part of `scripts/measure-frames.ts`: records every animation-frame interval and every
 * long task (PerformanceObserver 'longtask') for `seconds`, with what the run did meanwhile.
 */
import type { SessionStore } from '../../../src/store/session/store.ts';

export interface FrameMeasurement {
  /** Intervals between consecutive animation frames, ms. */
  frames: number[];
  /** Durations of the long tasks (> 50 ms) seen, ms. */
  longTasks: number[];
  /** Simulated time gained while measuring, ms. */
  simulatedMs: number;
  /** Spikes recorded while measuring. */
  spikes: number;
  /** Engine stepping time (the chunks' `wallMs`) while measuring, ms. */
  engineMs: number;
  backend: string | null;
  status: string;
}

function recordedSpikes(session: SessionStore): number {
  let n = 0;
  for (const s of session.getState().record?.spikes.values() ?? []) n += s.full.length;
  return n;
}

/** Measures for `seconds` while whatever run is going on goes on. */
export async function measureFrames(
  session: SessionStore,
  seconds: number,
): Promise<FrameMeasurement> {
  const frames: number[] = [];
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = session.getState().simulatedMs;
  const s0 = recordedSpikes(session);
  const e0 = session.getState().record?.wallMs ?? 0;
  await new Promise<void>((resolve) => {
    const end = performance.now() + seconds * 1000;
    let last = performance.now();
    const frame = (now: number) => {
      frames.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  observer.disconnect();
  const state = session.getState();
  return {
    frames,
    longTasks,
    simulatedMs: state.simulatedMs - t0,
    spikes: recordedSpikes(session) - s0,
    engineMs: (state.record?.wallMs ?? 0) - e0,
    backend: state.backend,
    status: state.status,
  };
}
