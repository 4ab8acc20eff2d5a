/**
 * The spike raster while a run streams, on a 2D canvas: each frame shifts every row's image left
 * by the simulated time gained and paints only the spikes that arrived since the last frame, so
 * a frame costs in proportion to the new spikes, not to the window. Paused, finished and idle
 * runs are drawn by plotly instead (RasterPlot.tsx); the geometry here is plotly's, so the
 * switch moves nothing.
 */
import type { RunRecord, SpikeRecord } from '../../store/session/record.ts';
import { tickStep, ticks } from './axis-ticks.ts';
import { GRID, PLOT_BG, drawTitle, drawXLabels, drawYLabels } from './canvas-style.ts';
import { plotArea, rowBoxes, type Box } from './plot-geometry.ts';
import { populationColor } from './plot-theme.ts';
import { ScrollWindow } from './scroll-window.ts';
import { SpikeBatch, collectSpikes, type RowPixels } from './spike-pixels.ts';
import type { LiveRenderer } from './useLiveCanvas.ts';

/** Marker edge in CSS px, as the plotly raster draws it (RasterPlot.tsx). */
export function markerPx(size: number): number {
  return size > 500 ? 2 : 3;
}

interface Row {
  spikes: SpikeRecord;
  color: string;
  box: Box;
  pixels: RowPixels;
}

export class LiveRaster implements LiveRenderer {
  private readonly ctx: CanvasRenderingContext2D | null;
  private dpr = 1;
  private cssWidth = 0;
  private cssHeight = 0;
  private area: Box = { x: 0, y: 0, width: 1, height: 1 };
  private rows: Row[] = [];
  private scroll = new ScrollWindow(1, 1);
  /** Spikes before this step are on the canvas. */
  private drawnUntil = 0;
  private drawnVersion = -1;
  private readonly batch = new SpikeBatch();

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly record: RunRecord,
  ) {
    this.ctx = canvas.getContext('2d', { willReadFrequently: true });
  }

  resize(cssWidth: number, cssHeight: number, dpr: number): void {
    if (cssWidth === this.cssWidth && cssHeight === this.cssHeight && dpr === this.dpr) return;
    this.cssWidth = cssWidth;
    this.cssHeight = cssHeight;
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(cssWidth * dpr));
    this.canvas.height = Math.max(1, Math.round(cssHeight * dpr));
    this.redrawAll();
  }

  frame(): void {
    if (this.record.version === this.drawnVersion) return;
    const ctx = this.ctx;
    if (!ctx || this.cssWidth === 0) return;
    this.drawnVersion = this.record.version;
    const shift = this.scroll.advance(this.record.endStep);
    if (shift >= this.area.width) {
      this.redrawAll();
      return;
    }
    const { x, y, width, height } = this.area;
    if (shift > 0) {
      // One copy for all rows: copying the canvas onto itself snapshots it whole each time,
      // and the gaps between rows are blank anyway.
      ctx.drawImage(this.canvas, x + shift, y, width - shift, height, x, y, width - shift, height);
      ctx.fillStyle = PLOT_BG;
      for (const row of this.rows)
        ctx.fillRect(x + width - shift, row.box.y, shift, row.box.height);
      this.drawGrid(ctx, width - shift);
    }
    this.drawSpikes(ctx, this.drawnUntil);
    this.drawTimeLabels(ctx);
  }

  /** Everything from the record's window: on start, resize, or a jump wider than the plot. */
  private redrawAll(): void {
    const ctx = this.ctx;
    if (!ctx || this.cssWidth === 0) return;
    const r = this.record;
    this.drawnVersion = r.version;
    this.area = plotArea(this.cssWidth, this.cssHeight, this.dpr);
    const order = new Map(r.document.populations.map((p, k) => [p.id, k]));
    const spikes = [...r.spikes.values()];
    const boxes = rowBoxes(this.area, spikes.length);
    this.rows = spikes.map((s, k) => {
      const box = boxes[k] ?? this.area;
      const marker = Math.max(1, Math.round(markerPx(s.size) * this.dpr));
      return {
        spikes: s,
        color: populationColor(order.get(s.population) ?? 0),
        box,
        pixels: { y: box.y - this.area.y, height: box.height, size: s.size, marker },
      };
    });
    this.scroll = new ScrollWindow(this.area.width, r.windowSteps);
    this.scroll.advance(r.endStep);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    drawTitle(ctx, 'Spike raster', this.cssWidth);
    for (const row of this.rows) {
      const css = this.css(row.box);
      const size = row.spikes.size;
      const yTicks = ticks(0, size - 1, tickStep(size, Math.max(2, Math.round(css.height / 45))));
      const toY = (i: number) => css.y + css.height - ((i + 0.5) / Math.max(1, size)) * css.height;
      drawYLabels(ctx, css, yTicks, toY, row.spikes.label);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = PLOT_BG;
    for (const row of this.rows) ctx.fillRect(row.box.x, row.box.y, row.box.width, row.box.height);
    this.drawGrid(ctx, 0);
    this.drawSpikes(ctx, this.scroll.firstStep);
    this.drawTimeLabels(ctx);
  }

  /** Spikes from `fromStep` to the record's end, one path per population (its colour). */
  private drawSpikes(ctx: CanvasRenderingContext2D, fromStep: number): void {
    const minX = Math.max(0, this.scroll.x(fromStep));
    for (const row of this.rows) {
      const w = row.spikes.window;
      collectSpikes(
        w.steps,
        w.indices,
        w.firstAtOrAfter(fromStep),
        w.length,
        this.scroll,
        row.pixels,
        minX,
        this.batch,
      );
      const { xs, ys, count } = this.batch;
      if (count === 0) continue;
      const m = row.pixels.marker;
      const ox = this.area.x;
      const oy = this.area.y;
      ctx.fillStyle = row.color;
      ctx.beginPath();
      for (let k = 0; k < count; k++) ctx.rect(ox + (xs[k] ?? 0), oy + (ys[k] ?? 0), m, m);
      ctx.fill();
    }
    this.drawnUntil = this.record.endStep;
  }

  /** Times of the time axis' ticks (ms) over what is on screen. */
  private timeTicks(): number[] {
    const r = this.record;
    const t0 = this.scroll.firstStep * r.dt;
    const t1 = this.scroll.endStep * r.dt;
    return ticks(t0, t1, tickStep(r.windowMs, Math.max(2, Math.round(this.cssWidth / 250))));
  }

  /** Vertical grid lines at the time ticks right of device column `fromX` of the plot area. */
  private drawGrid(ctx: CanvasRenderingContext2D, fromX: number): void {
    const line = Math.max(1, Math.round(this.dpr));
    ctx.fillStyle = GRID;
    for (const t of this.timeTicks()) {
      const x = this.scroll.x(t / this.record.dt);
      if (x < fromX || x >= this.area.width) continue;
      for (const row of this.rows) ctx.fillRect(this.area.x + x, row.box.y, line, row.box.height);
    }
  }

  /** The time axis' labels under the plot area (cleared and redrawn: they move every frame). */
  private drawTimeLabels(ctx: CanvasRenderingContext2D): void {
    const bottom = this.area.y + this.area.height + 1;
    ctx.clearRect(0, bottom, this.canvas.width, this.canvas.height - bottom);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const area = this.css(this.area);
    const toX = (t: number) => area.x + this.scroll.x(t / this.record.dt) / this.dpr;
    drawXLabels(ctx, area, this.timeTicks(), toX, 'time (ms)');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  private css(box: Box): Box {
    const d = this.dpr;
    return { x: box.x / d, y: box.y / d, width: box.width / d, height: box.height / d };
  }
}
