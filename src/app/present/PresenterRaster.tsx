/**
 * The presenter view's big raster: the lab's live raster renderer (plots/live-raster.ts) on one
 * large canvas, drawn `zoom` times larger (labels included) so the back row can read it. It
 * stays on the canvas renderer when the run pauses or ends: nothing to zoom or export here.
 */
import { useCallback, useRef } from 'react';
import { LiveRaster } from '../plots/live-raster.ts';
import { useLiveCanvas, type LiveRenderer } from '../plots/useLiveCanvas.ts';
import { useSessionStore } from '../../store/session/index.ts';

/** Text and markers at this many times the lab's size. */
const ZOOM = 1.75;

export function PresenterRaster() {
  const record = useSessionStore((s) => s.record);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const create = useCallback(
    (canvas: HTMLCanvasElement): LiveRenderer => {
      if (record === null) throw new Error('the presenter raster has no run to draw');
      const raster = new LiveRaster(canvas, record);
      // Drawing at a smaller CSS size and a larger pixel ratio scales everything up, crisply.
      return {
        resize: (width, height, dpr) => raster.resize(width / ZOOM, height / ZOOM, dpr * ZOOM),
        frame: () => raster.frame(),
      };
    },
    [record],
  );
  useLiveCanvas(canvasRef, record !== null && record.spikes.size > 0, create);

  let message: string | null = null;
  if (record === null) message = 'Press Run (Space) to see the network spike.';
  else if (record.spikes.size === 0) message = 'This network records no spikes: add a spike probe.';
  return (
    <figure className="presenter-raster" aria-label="Spike raster">
      {message !== null ? (
        <p className="presenter-empty">{message}</p>
      ) : (
        <canvas
          ref={canvasRef}
          data-testid="presenter-raster"
          role="img"
          aria-label="Live spike raster"
        />
      )}
    </figure>
  );
}
