/**
 * The widget's small raster: the lab's live raster renderer (plots/live-raster.ts) on one
 * canvas, fed by the run's chunks as in the lab. No plotly: an embed must stay light.
 */
import { useCallback, useRef } from 'react';
import { LiveRaster } from '../plots/live-raster.ts';
import { useLiveCanvas } from '../plots/useLiveCanvas.ts';
import { useSessionStore } from '../../store/session/index.ts';

export function EmbedRaster() {
  const record = useSessionStore((s) => s.record);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const create = useCallback(
    (canvas: HTMLCanvasElement) => {
      if (record === null) throw new Error('the embed raster has no run to draw');
      return new LiveRaster(canvas, record);
    },
    [record],
  );
  useLiveCanvas(canvasRef, record !== null && record.spikes.size > 0, create);

  if (record === null) return <p className="embed-empty">Press Run to see the network spike.</p>;
  if (record.spikes.size === 0) {
    return <p className="embed-empty">This network records no spikes.</p>;
  }
  return (
    <canvas
      ref={canvasRef}
      className="embed-raster"
      data-testid="embed-raster"
      role="img"
      aria-label="Live spike raster"
    />
  );
}
