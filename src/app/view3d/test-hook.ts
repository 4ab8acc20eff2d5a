/**
 * `window.__spikelab3d`, only with `?test=1`: where a neuron is on screen (to click it), what
 * the view shows (level of detail, lit neurons), and frame times with the view redrawing
 * continuously, for the end-to-end test and the frame-time benchmark.
 */
import type { Lod } from './lod.ts';

export interface View3dTestHook {
  /** Client (page) coordinates of neuron `index` of `population`; null when not drawn. */
  neuronScreenPosition: (population: string, index: number) => { x: number; y: number } | null;
  /** Level of detail and size per population, neurons lit now, and frames drawn so far. */
  info: () => {
    lod: Record<string, Lod>;
    sizes: Record<string, number>;
    lit: number;
    frames: number;
    neurons: number;
  };
  /**
   * Redraws every animation frame for `ms` and returns the intervals between frames and the
   * time each render call took on the main thread, ms.
   */
  measureFrames: (ms: number) => Promise<{ intervals: number[]; work: number[] }>;
}

declare global {
  interface Window {
    __spikelab3d?: View3dTestHook;
  }
}

/** Whether the page was opened for a test (`?test=1`). */
export function testHooksEnabled(): boolean {
  return (
    typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('test') === '1'
  );
}
