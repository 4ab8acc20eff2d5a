/**
 * The frame every plot shares: PNG and SVG buttons, plotly's div (kept behind the live canvas while a
 * run streams, so switching is seamless) and the live canvas. Frees plotly's graph on unmount.
 */
import { useEffect, type RefObject } from 'react';
import { purgePlot } from './plotly.ts';
import { PngButton } from './PngButton.tsx';
import { SvgButton } from './SvgButton.tsx';

export interface PlotCardProps {
  height: number;
  plotRef: RefObject<HTMLDivElement | null>;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  live: boolean;
  /** CSS class and test id stem of the plotly div: `raster` gives `raster-plot`. */
  kind: 'raster' | 'trace' | 'rate' | 'weights' | 'synapse-traces';
  /** Test id of the live canvas. */
  liveTestId: string;
  /** PNG file name and the button's accessible label. */
  filename: string;
  label: string;
}

export function PlotCard({
  height,
  plotRef,
  canvasRef,
  live,
  kind,
  liveTestId,
  filename,
  label,
}: PlotCardProps) {
  useEffect(() => {
    const div = plotRef.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, [plotRef]);

  const plotClass = `plot ${kind}-plot`;
  return (
    <div className="plot-card" style={{ height }}>
      <PngButton
        target={plotRef}
        canvas={canvasRef}
        live={live}
        filename={filename}
        label={label}
      />
      <SvgButton target={plotRef} live={live} filename={filename} label={label} />
      <div
        ref={plotRef}
        className={live ? `${plotClass} plot-behind` : plotClass}
        data-testid={`${kind}-plot`}
      />
      <canvas ref={canvasRef} className="live-plot" data-testid={liveTestId} hidden={!live} />
    </div>
  );
}
