/**
 * Drives a live canvas while `live`: sizes it to its box (ResizeObserver, device pixel ratio)
 * and calls its renderer from the shared animation-frame loop. Nothing here re-renders React.
 */
import { useEffect, type RefObject } from 'react';
import { addLiveDrawer } from './live-loop.ts';

/** What a live canvas needs from its drawing code. */
export interface LiveRenderer {
  /** The canvas box changed (CSS px) or the device pixel ratio did: redraw everything. */
  resize(cssWidth: number, cssHeight: number, dpr: number): void;
  /** Called every animation frame: draw what changed since the last call, if anything. */
  frame(): void;
}

/** Runs the renderer `create` makes for the canvas in `ref` while `live` is true. */
export function useLiveCanvas(
  ref: RefObject<HTMLCanvasElement | null>,
  live: boolean,
  create: (canvas: HTMLCanvasElement) => LiveRenderer,
): void {
  useEffect(() => {
    const canvas = ref.current;
    if (!live || !canvas) return;
    const renderer = create(canvas);
    let dpr = window.devicePixelRatio || 1;
    const fit = () => {
      const box = canvas.getBoundingClientRect();
      renderer.resize(box.width, box.height, dpr);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const stop = addLiveDrawer(() => {
      // Zooming the page or moving the window to another screen changes the ratio, not the box.
      if ((window.devicePixelRatio || 1) !== dpr) {
        dpr = window.devicePixelRatio || 1;
        fit();
      }
      renderer.frame();
    });
    return () => {
      stop();
      observer.disconnect();
    };
  }, [ref, live, create]);
}
