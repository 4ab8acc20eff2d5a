/**
 * Spike raster of every recorded population, one row each over a shared time axis. While a run
 * streams it is drawn on a scrolling canvas (live-raster.ts); otherwise by plotly, one WebGL
 * (`scattergl`) trace per population, with zoom, pan and PNG export. Both are drawn
 * imperatively from the run record; React renders only when the run starts or stops streaming.
 */
import { useCallback, useRef } from 'react';
import type { AxisName, LayoutAxis } from 'plotly.js';
import type { RunRecord } from '../../store/session/record.ts';
import { drawPlot, type PlotLayout, type Trace } from './plotly.ts';
import { AXIS, PLOT_MARGIN, baseLayout, populationColor, timeRange } from './plot-theme.ts';
import { rasterHeight, rowDomains } from './plot-geometry.ts';
import { rasterPoints } from './raster-points.ts';
import { LiveRaster, markerPx } from './live-raster.ts';
import { useLiveCanvas } from './useLiveCanvas.ts';
import { useRecordRedraw } from './useRecordRedraw.ts';
import { useStreaming } from './useStreaming.ts';
import { PlotCard } from './PlotCard.tsx';

/** Below this many spikes per population the raster draws every spike exactly. */
const EXACT_BELOW = 6_000;
/**
 * Most points drawn over all populations (see raster-points.ts). Plotly now draws only a
 * stopped run, once (the live canvas streams), so it can afford a picture closer to the live
 * one's density than the 8,000 points that kept streaming redraws short.
 */
const POINT_BUDGET = 30_000;
/** A plotly redraw costs tens of ms; spikes landing after a pause redraw at most 10/s. */
const MIN_INTERVAL_MS = 100;

export function RasterPlot({ record }: { record: RunRecord }) {
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const live = useStreaming();
  const height = rasterHeight(record.spikes.size);

  const draw = useCallback(
    (r: RunRecord) => {
      const div = ref.current;
      if (!div) return;
      const populations = [...r.spikes.values()];
      const colorOf = new Map(r.document.populations.map((p, k) => [p.id, populationColor(k)]));
      const [t0, t1] = timeRange(r.endStep, r.windowSteps, r.dt);
      const plotWidth = Math.max(100, div.clientWidth - PLOT_MARGIN.l - PLOT_MARGIN.r);
      const plotHeight = height - PLOT_MARGIN.t - PLOT_MARGIN.b;
      const domains = rowDomains(populations.length);
      const yAxes: Record<string, Partial<LayoutAxis>> = {};
      const layout: PlotLayout = {
        ...baseLayout('Spike raster', height),
        // One time axis under the bottom row; the rows above share it.
        xaxis: {
          ...AXIS,
          range: [t0, t1],
          title: { text: 'time (ms)' },
          zeroline: false,
          anchor: (populations.length > 1 ? `y${populations.length}` : 'y') as AxisName,
        },
        datarevision: r.version,
      };
      const data: Trace[] = populations.map((p, k) => {
        const axis = k === 0 ? '' : String(k + 1);
        // Top row first, as a reader scans the list of populations.
        const domain = domains[k] ?? [0, 1];
        const band = domain[1] - domain[0];
        const points = rasterPoints(p.window, {
          fromStep: r.endStep - r.windowSteps,
          toStep: r.endStep,
          dt: r.dt,
          size: p.size,
          widthPx: plotWidth,
          heightPx: plotHeight * band,
          exactBelow: EXACT_BELOW,
          markerPx: markerPx(p.size),
          // Shared out by the rows' areas, so a small population is not starved.
          budget: POINT_BUDGET * band,
        });
        yAxes[`yaxis${axis}`] = {
          ...AXIS,
          domain,
          range: [-0.5, p.size - 0.5],
          title: { text: p.label, font: { size: 11 } },
          fixedrange: true,
          showgrid: false,
        };
        return {
          type: 'scattergl',
          mode: 'markers',
          name: p.label,
          x: points.x,
          y: points.y,
          xaxis: 'x',
          yaxis: `y${axis}`,
          marker: { size: markerPx(p.size), color: colorOf.get(p.population) ?? '#333' },
          hoverinfo: 'skip',
        };
      });
      void drawPlot(div, data, Object.assign(layout, yAxes));
    },
    [height],
  );
  const createLive = useCallback(
    (canvas: HTMLCanvasElement) => new LiveRaster(canvas, record),
    [record],
  );

  useRecordRedraw(record, draw, MIN_INTERVAL_MS, !live);
  useLiveCanvas(canvasRef, live, createLive);

  return (
    <PlotCard
      height={height}
      plotRef={ref}
      canvasRef={canvasRef}
      live={live}
      kind="raster"
      liveTestId="live-raster"
      filename="raster"
      label="spike raster"
    />
  );
}
