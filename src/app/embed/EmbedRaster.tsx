/**
 * The widget's small raster: the lab's live raster renderer (plots/live-raster.ts) on one
 * canvas, fed by the run's chunks as in the lab. No plotly: an embed must stay light.
 */
import { useEffect, useRef } from 'react';
import { LiveRaster } from '../plots/live-raster.ts';
import { addLiveDrawer } from '../plots/live-loop.ts';
import { useSessionStore } from '../../store/session/index.ts';

export function EmbedRaster() {
  const record = useSessionStore((s) => s.record);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || record === null || record.spikes.size === 0) return;
    const renderer = new LiveRaster(canvas, record);
    const fit = () => {
      const box = canvas.getBoundingClientRect();
      renderer.resize(box.width, box.height, window.devicePixelRatio || 1);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const stop = addLiveDrawer(() => renderer.frame());
    return () => {
      stop();
      observer.disconnect();
    };
  }, [record]);

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
