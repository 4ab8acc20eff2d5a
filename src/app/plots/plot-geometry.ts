/**
 * Where plotly puts a figure's plot area and the raster's population rows, shared by the plotly
 * layouts and the live canvases so that switching between the two moves nothing.
 */
import { PLOT_MARGIN } from './plot-theme.ts';

export type Margin = typeof PLOT_MARGIN;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The plot area of a `width` x `height` figure (CSS px, or device px with `scale`). */
export function plotArea(
  width: number,
  height: number,
  scale = 1,
  margin: Margin = PLOT_MARGIN,
): Box {
  const x = Math.round(margin.l * scale);
  const y = Math.round(margin.t * scale);
  return {
    x,
    y,
    width: Math.max(1, Math.round(width * scale) - x - Math.round(margin.r * scale)),
    height: Math.max(1, Math.round(height * scale) - y - Math.round(margin.b * scale)),
  };
}

/** Gap between raster rows, as a fraction of the plot area's height. */
export const ROW_GAP = 0.04;

/** Height of a raster figure with `rows` populations, CSS px. */
export function rasterHeight(rows: number): number {
  return Math.min(520, 90 + rows * Math.max(90, 300 / Math.max(1, rows)));
}

/** Domains [bottom, top] (fractions of the plot area, top row first) of `rows` raster rows. */
export function rowDomains(rows: number): [number, number][] {
  const band = (1 - ROW_GAP * (rows - 1)) / Math.max(1, rows);
  const out: [number, number][] = [];
  for (let k = 0; k < rows; k++) {
    const top = 1 - k * (band + ROW_GAP);
    out.push([Math.max(0, top - band), top]);
  }
  return out;
}

/** Rows of `area` in pixels (whole pixels, so each row's image can be shifted on its own). */
export function rowBoxes(area: Box, rows: number): Box[] {
  return rowDomains(rows).map(([bottom, top]) => {
    const y0 = Math.round(area.y + (1 - top) * area.height);
    const y1 = Math.round(area.y + (1 - bottom) * area.height);
    return { x: area.x, y: y0, width: area.width, height: Math.max(1, y1 - y0) };
  });
}
