/**
 * Spike raster of every recorded population: one WebGL (`scattergl`) trace per population in
 * its own row, sharing a scrolling time axis. Drawn imperatively from the run record.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { AxisName, LayoutAxis } from 'plotly.js';
import type { RunRecord } from '../../store/session/record.ts';
import { drawPlot, purgePlot, type PlotLayout, type Trace } from './plotly.ts';
import { AXIS, PLOT_MARGIN, baseLayout, populationColor, timeRange } from './plot-theme.ts';
import { rasterPoints } from './raster-points.ts';
import { useRecordRedraw } from './useRecordRedraw.ts';
import { PngButton } from './PngButton.tsx';

/** Below this many spikes per population the raster draws every spike exactly. */
const EXACT_BELOW = 6_000;
/** Most points drawn per frame over all populations (see raster-points.ts). */
const POINT_BUDGET = 8_000;
/**
 * Redraws at most this often (10 per second). A plotly redraw has a fixed cost of tens of ms
 * in headless Chromium (3,000 and 8,000 points measured the same; 20,000 cost twice the frame
 * time), and the compositor reads the WebGL canvas back after each; fewer redraws is what
 * keeps frames short (scripts/measure-frames.ts).
 */
const MIN_INTERVAL_MS = 100;

/** Marker size: small populations get bigger dots so single spikes stay visible. */
function markerPx(size: number): number {
  return size > 500 ? 2 : 3;
}

export function RasterPlot({ record }: { record: RunRecord }) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = [...record.spikes.values()];
  const height = Math.min(520, 90 + rows.length * Math.max(90, 300 / Math.max(1, rows.length)));

  const draw = useCallback(
    (r: RunRecord) => {
      const div = ref.current;
      if (!div) return;
      const populations = [...r.spikes.values()];
      const colorOf = new Map(r.document.populations.map((p, k) => [p.id, populationColor(k)]));
      const [t0, t1] = timeRange(r.endStep, r.windowSteps, r.dt);
      const plotWidth = Math.max(100, div.clientWidth - PLOT_MARGIN.l - PLOT_MARGIN.r);
      const plotHeight = height - PLOT_MARGIN.t - PLOT_MARGIN.b;
      const gap = 0.04;
      const band = (1 - gap * (populations.length - 1)) / Math.max(1, populations.length);
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
        const top = 1 - k * (band + gap);
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
          domain: [Math.max(0, top - band), top],
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

  useRecordRedraw(record, draw, MIN_INTERVAL_MS);
  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, []);

  return (
    <div className="plot-card">
      <PngButton target={ref} filename="raster" label="spike raster" />
      <div ref={ref} className="plot raster-plot" data-testid="raster-plot" />
    </div>
  );
}
