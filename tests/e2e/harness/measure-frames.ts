/**
 * In-page part of `scripts/measure-frames.ts`: records every animation-frame interval, every
 * long task (PerformanceObserver 'longtask') and every long animation frame ('long-animation-
 * frame', Chromium 123+) for `seconds`, with what the run and the live plots did meanwhile.
 * The rAF interval alone cannot show how busy the main thread was (Chromium paces frames at the
 * display rate however idle it is), so the live renderer's own time per frame is reported too.
 */
import type { SessionStore } from '../../../src/store/session/store.ts';
import { liveLoopStats } from '../../../src/app/plots/live-loop.ts';

export interface FrameMeasurement {
  /** Intervals between consecutive animation frames, ms. */
  frames: number[];
  /** Durations of the long tasks (> 50 ms) seen, ms. */
  longTasks: number[];
  /** Durations and blocking durations of the long animation frames (> 50 ms) seen, ms. */
  longFrames: { duration: number; blocking: number }[];
  /** Whether this Chromium reports long animation frames at all. */
  longFramesSupported: boolean;
  /** Frames the live plots drew, their total and longest main-thread time, ms. */
  liveFrames: number;
  liveBusyMs: number;
  liveMaxMs: number;
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

interface LongFrameEntry extends PerformanceEntry {
  blockingDuration?: number;
}

/** Measures for `seconds` while whatever run is going on goes on. */
export async function measureFrames(
  session: SessionStore,
  seconds: number,
): Promise<FrameMeasurement> {
  const frames: number[] = [];
  const longTasks: number[] = [];
  const longFrames: { duration: number; blocking: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const longFramesSupported =
    PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  const loaf = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LongFrameEntry[]) {
      longFrames.push({ duration: entry.duration, blocking: entry.blockingDuration ?? 0 });
    }
  });
  if (longFramesSupported) loaf.observe({ type: 'long-animation-frame', buffered: false });
  const live0 = { ...liveLoopStats, maxMs: 0 };
  liveLoopStats.maxMs = 0;
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
  loaf.disconnect();
  const state = session.getState();
  return {
    frames,
    longTasks,
    longFrames,
    longFramesSupported,
    liveFrames: liveLoopStats.frames - live0.frames,
    liveBusyMs: liveLoopStats.busyMs - live0.busyMs,
    liveMaxMs: liveLoopStats.maxMs,
    simulatedMs: state.simulatedMs - t0,
    spikes: recordedSpikes(session) - s0,
    engineMs: (state.record?.wallMs ?? 0) - e0,
    backend: state.backend,
    status: state.status,
  };
}
