/**
 * Population firing rates (Hz per neuron) over the sliding window, one line per population: a
 * canvas redrawn from the record while a run streams (live-figure.ts), plotly otherwise.
 */
import { useCallback, useRef } from 'react';
import type { RunRecord } from '../../store/session/record.ts';
import { drawPlot, type Trace } from './plotly.ts';
import { lineFigureLayout, timeRange } from './plot-theme.ts';
import { rateLines } from './figure-lines.ts';
import { LiveFigure } from './live-figure.ts';
import type { LineFigureSpec } from './line-figure.ts';
import { useLiveCanvas } from './useLiveCanvas.ts';
import { useRecordRedraw } from './useRecordRedraw.ts';
import { useStreaming } from './useStreaming.ts';
import { PlotCard } from './PlotCard.tsx';

const HEIGHT = 220;
/** Rates are averages over bins of several ms; four updates a second show them fully. */
const MIN_INTERVAL_MS = 250;
const TITLE = 'Population rates';
/** Rates are 5 ms bins: ten live redraws a second follow them fully. */
const LIVE_INTERVAL_MS = 100;

function liveSpec(r: RunRecord): LineFigureSpec {
  const [x0, x1] = timeRange(r.endStep, r.windowSteps, r.dt);
  return {
    title: TITLE,
    yTitle: 'rate (Hz)',
    x0,
    x1,
    lines: rateLines(r),
    fromZero: true,
    legend: true,
    lineWidth: 1,
  };
}

export function RatePlot({ record }: { record: RunRecord }) {
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const live = useStreaming();

  const draw = useCallback((r: RunRecord) => {
    const div = ref.current;
    if (!div) return;
    const data: Trace[] = rateLines(r).map((line) => ({
      type: 'scatter',
      mode: 'lines',
      name: line.label,
      x: line.x,
      y: line.y,
      line: { width: 1.5, color: line.color, shape: 'hv' },
      hoverinfo: 'skip',
    }));
    void drawPlot(
      div,
      data,
      lineFigureLayout(TITLE, HEIGHT, r, { showlegend: true, yTitle: 'rate (Hz)', fromZero: true }),
    );
  }, []);
  const createLive = useCallback(
    (canvas: HTMLCanvasElement) => new LiveFigure(canvas, record, liveSpec, LIVE_INTERVAL_MS),
    [record],
  );

  useRecordRedraw(record, draw, MIN_INTERVAL_MS, !live);
  useLiveCanvas(canvasRef, live, createLive);

  return (
    <PlotCard
      height={HEIGHT}
      plotRef={ref}
      canvasRef={canvasRef}
      live={live}
      kind="rate"
      liveTestId="live-rates"
      filename="rates"
      label="population rates"
    />
  );
}
