/**
 * A small line chart on a 2D canvas in plotly's look (title, plot area, grid, tick labels,
 * legend): the live membrane traces and rates. They hold a few thousand points at most, so
 * each frame with new data redraws the whole figure.
 */
import { paddedRange, tickStep, ticks } from './axis-ticks.ts';
import {
  PLOT_BG,
  drawHorizontalGrid,
  drawLegend,
  drawTitle,
  drawVerticalGrid,
  drawXLabels,
  drawYLabels,
} from './canvas-style.ts';
import { plotArea } from './plot-geometry.ts';
import { LINE_MARGIN } from './plot-theme.ts';

export interface FigureLine {
  label: string;
  color: string;
  alpha: number;
  x: Float32Array | number[];
  y: Float32Array | number[];
  /** Steps (plotly's `shape: 'hv'`) instead of straight segments. */
  steps?: boolean;
}

export interface LineFigureSpec {
  title: string;
  yTitle: string;
  /** Time range shown, ms. */
  x0: number;
  x1: number;
  lines: readonly FigureLine[];
  /** Start the y axis at zero (rates). */
  fromZero: boolean;
  legend: boolean;
  lineWidth: number;
}

/** Y extent of the points of `lines` inside [x0, x1]. */
export function yExtent(lines: readonly FigureLine[], x0: number, x1: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) {
    for (let k = 0; k < line.x.length; k++) {
      const x = line.x[k] ?? NaN;
      const y = line.y[k] ?? NaN;
      if (!(x >= x0 && x <= x1) || !Number.isFinite(y)) continue;
      if (y < min) min = y;
      if (y > max) max = y;
    }
  }
  return [min, max];
}

/** Draws the figure on `ctx`, a canvas of `width` x `height` CSS px at ratio `dpr`. */
export function drawLineFigure(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  dpr: number,
  spec: LineFigureSpec,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const area = plotArea(width, height, 1, LINE_MARGIN);
  ctx.fillStyle = PLOT_BG;
  ctx.fillRect(area.x, area.y, area.width, area.height);
  const [lo, hi] = yExtent(spec.lines, spec.x0, spec.x1);
  const [y0, y1] = paddedRange(lo, hi, spec.fromZero);
  const toX = (t: number) => area.x + ((t - spec.x0) / (spec.x1 - spec.x0 || 1)) * area.width;
  const toY = (v: number) => area.y + area.height - ((v - y0) / (y1 - y0 || 1)) * area.height;
  const xTicks = ticks(spec.x0, spec.x1, tickStep(spec.x1 - spec.x0, Math.max(2, width / 250)));
  const yTicks = ticks(y0, y1, tickStep(y1 - y0, Math.max(2, area.height / 45)));
  drawVerticalGrid(ctx, area, xTicks.map(toX));
  drawHorizontalGrid(ctx, area, yTicks.map(toY));
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.width, area.height);
  ctx.clip();
  // Hairlines and bevel joins: anti-aliased wide lines with round joins cost the software
  // rasteriser of headless Chromium ~10 ms a frame at commit (scripts/measure-frames.ts).
  ctx.lineWidth = spec.lineWidth;
  ctx.lineJoin = 'bevel';
  for (const line of spec.lines) {
    ctx.strokeStyle = line.color;
    ctx.globalAlpha = line.alpha;
    ctx.beginPath();
    let started = false;
    let prevY = 0;
    for (let k = 0; k < line.x.length; k++) {
      const v = line.y[k] ?? NaN;
      if (!Number.isFinite(v)) {
        started = false;
        continue;
      }
      const px = toX(line.x[k] ?? 0);
      const py = toY(v);
      if (!started) ctx.moveTo(px, py);
      else {
        if (line.steps) ctx.lineTo(px, prevY);
        ctx.lineTo(px, py);
      }
      started = true;
      prevY = py;
    }
    ctx.stroke();
  }
  ctx.restore();
  ctx.globalAlpha = 1;
  drawTitle(ctx, spec.title, width);
  drawXLabels(ctx, area, xTicks, toX, 'time (ms)');
  drawYLabels(ctx, area, yTicks, toY, spec.yTitle);
  if (spec.legend) {
    drawLegend(
      ctx,
      width - LINE_MARGIN.r,
      LINE_MARGIN.t - 10,
      spec.lines.map((l) => ({ label: l.label, color: l.color, alpha: l.alpha })),
    );
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
