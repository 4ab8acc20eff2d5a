/**
 * A line figure of the record over the sliding window (membrane traces, synaptic weights): a
 * canvas redrawn from the record while a run streams (live-figure.ts), plotly (SVG) otherwise.
 * SVG, not WebGL: the lines are decimated to a few points per pixel column, and a second WebGL
 * context next to the raster's costs more (context switches, compositing) than it saves.
 */
import { useCallback, useRef } from 'react';
import type { RunRecord } from '../../store/session/record.ts';
import { drawPlot, type Trace } from './plotly.ts';
import { LINE_MARGIN, lineFigureLayout, timeRange } from './plot-theme.ts';
import { LiveFigure } from './live-figure.ts';
import type { FigureLine, LineFigureSpec } from './line-figure.ts';
import { useLiveCanvas } from './useLiveCanvas.ts';
import { useRecordRedraw } from './useRecordRedraw.ts';
import { useStreaming } from './useStreaming.ts';
import { PlotCard, type PlotCardProps } from './PlotCard.tsx';

const HEIGHT = 240;
/** Samples after a pause land at most five times a second. */
const MIN_INTERVAL_MS = 200;
/**
 * The live lines redraw whole, so at most 10 times a second (the raster scrolls with every
 * chunk, up to 20 a second): half the main-thread and raster work for a picture that reads
 * the same.
 */
const LIVE_INTERVAL_MS = 100;

/** The lines of a figure over the record's window, at most a few points per pixel column. */
export type LinesOf = (r: RunRecord, widthPx: number) => { lines: FigureLine[]; unit: string };

export interface LinePlotProps {
  record: RunRecord;
  title: string;
  linesOf: LinesOf;
  kind: PlotCardProps['kind'];
  liveTestId: string;
  filename: string;
  label: string;
}

export function LinePlot({
  record,
  title,
  linesOf,
  kind,
  liveTestId,
  filename,
  label,
}: LinePlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const live = useStreaming();

  const draw = useCallback(
    (r: RunRecord) => {
      const div = ref.current;
      if (!div) return;
      const width = Math.max(100, div.clientWidth - LINE_MARGIN.l - LINE_MARGIN.r);
      const { lines, unit } = linesOf(r, width);
      const data: Trace[] = lines.map((line) => ({
        type: 'scatter',
        mode: 'lines',
        name: line.label,
        x: line.x,
        y: line.y,
        line: { width: 1.2, color: line.color },
        opacity: line.alpha,
        hoverinfo: 'skip',
      }));
      void drawPlot(
        div,
        data,
        lineFigureLayout(title, HEIGHT, r, {
          showlegend: data.length <= 8,
          yTitle: unit,
          fromZero: false,
        }),
      );
    },
    [linesOf, title],
  );
  const createLive = useCallback(
    (canvas: HTMLCanvasElement) => {
      const spec = (r: RunRecord, width: number): LineFigureSpec => {
        const [x0, x1] = timeRange(r.endStep, r.windowSteps, r.dt);
        const { lines, unit } = linesOf(r, width - LINE_MARGIN.l - LINE_MARGIN.r);
        const legend = lines.length <= 8;
        return { title, yTitle: unit, x0, x1, lines, fromZero: false, legend, lineWidth: 1 };
      };
      return new LiveFigure(canvas, record, spec, LIVE_INTERVAL_MS);
    },
    [record, linesOf, title],
  );

  useRecordRedraw(record, draw, MIN_INTERVAL_MS, !live);
  useLiveCanvas(canvasRef, live, createLive);

  return (
    <PlotCard
      height={HEIGHT}
      plotRef={ref}
      canvasRef={canvasRef}
      live={live}
      kind={kind}
      liveTestId={liveTestId}
      filename={filename}
      label={label}
    />
  );
}
