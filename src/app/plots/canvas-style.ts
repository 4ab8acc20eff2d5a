/**
 * The plotly theme (plot-theme.ts) in canvas terms, and the axis furniture the live canvases
 * draw: title, tick labels, grid lines. All sizes are CSS px; contexts are scaled by the
 * device pixel ratio before these are called.
 */
import { AXIS } from './plot-theme.ts';
import { tickLabel } from './axis-ticks.ts';
import type { Box } from './plot-geometry.ts';

export const PLOT_BG = '#0b1017';
export const TEXT = '#8391a7';
export const FONT = 'Inter, system-ui, sans-serif';
export const GRID = AXIS.gridcolor;
export const AXIS_LINE = AXIS.linecolor;

/** The figure's title, where plotly puts it (top-left of the margin). */
export function drawTitle(ctx: CanvasRenderingContext2D, text: string, width: number): void {
  ctx.fillStyle = TEXT;
  ctx.font = `13px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, Math.round(width * 0.01), 14);
}

/** Tick labels under the plot area at the times `values` mapped by `toX`, and its title. */
export function drawXLabels(
  ctx: CanvasRenderingContext2D,
  area: Box,
  values: readonly number[],
  toX: (value: number) => number,
  title: string,
): void {
  ctx.fillStyle = TEXT;
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const y = area.y + area.height + 4;
  for (const v of values) {
    const x = toX(v);
    if (x < area.x - 1 || x > area.x + area.width + 1) continue;
    ctx.fillText(tickLabel(v), x, y);
  }
  ctx.font = `13px ${FONT}`;
  ctx.fillText(title, area.x + area.width / 2, y + 14);
}

/** Tick labels left of a plot area's `box` and the axis title, rotated, further left. */
export function drawYLabels(
  ctx: CanvasRenderingContext2D,
  box: Box,
  values: readonly number[],
  toY: (value: number) => number,
  title: string,
): void {
  ctx.fillStyle = TEXT;
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of values) {
    const y = toY(v);
    if (y < box.y - 1 || y > box.y + box.height + 1) continue;
    ctx.fillText(tickLabel(v), box.x - 4, y);
  }
  ctx.save();
  ctx.font = `13px ${FONT}`;
  ctx.translate(box.x - 48, box.y + box.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(title, 0, 0);
  ctx.restore();
}

/** Vertical grid lines at `xs` (CSS px) inside `box`, one path. */
export function drawVerticalGrid(
  ctx: CanvasRenderingContext2D,
  box: Box,
  xs: readonly number[],
): void {
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const x of xs) {
    if (x < box.x || x > box.x + box.width) continue;
    const px = Math.round(x) + 0.5;
    ctx.moveTo(px, box.y);
    ctx.lineTo(px, box.y + box.height);
  }
  ctx.stroke();
}

/** Horizontal grid lines at `ys` (CSS px) inside `box`, one path. */
export function drawHorizontalGrid(
  ctx: CanvasRenderingContext2D,
  box: Box,
  ys: readonly number[],
): void {
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const y of ys) {
    if (y < box.y || y > box.y + box.height) continue;
    const py = Math.round(y) + 0.5;
    ctx.moveTo(box.x, py);
    ctx.lineTo(box.x + box.width, py);
  }
  ctx.stroke();
}

/** A legend row at the top right: a short line of each colour and its name. */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  right: number,
  y: number,
  entries: readonly { label: string; color: string; alpha: number }[],
): void {
  ctx.font = `10px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let x = right;
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k];
    if (!e) continue;
    x -= ctx.measureText(e.label).width + 36;
    ctx.globalAlpha = e.alpha;
    ctx.strokeStyle = e.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 24, y);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = TEXT;
    ctx.fillText(e.label, x + 28, y);
  }
}
