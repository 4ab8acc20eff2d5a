/**
 * A live line figure (traces, rates): redrawn whole from the record on the frames after a
 * chunk arrived, at most once per animation frame.
 */
import type { RunRecord } from '../../store/session/record.ts';
import { drawLineFigure, type LineFigureSpec } from './line-figure.ts';
import type { LiveRenderer } from './useLiveCanvas.ts';

/** The figure to draw for `record` on a canvas `width` CSS px wide. */
export type FigureSpecOf = (record: RunRecord, width: number) => LineFigureSpec;

export class LiveFigure implements LiveRenderer {
  private readonly ctx: CanvasRenderingContext2D | null;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private drawnVersion = -1;
  private drawnAt = -Infinity;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly record: RunRecord,
    private readonly specOf: FigureSpecOf,
    /** Least time between two redraws, ms: each is a whole figure's work. */
    private readonly minIntervalMs = 0,
  ) {
    this.ctx = canvas.getContext('2d', { willReadFrequently: true });
  }

  resize(cssWidth: number, cssHeight: number, dpr: number): void {
    if (cssWidth === this.width && cssHeight === this.height && dpr === this.dpr) return;
    this.width = cssWidth;
    this.height = cssHeight;
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(cssWidth * dpr));
    this.canvas.height = Math.max(1, Math.round(cssHeight * dpr));
    this.drawnVersion = -1;
    this.drawnAt = -Infinity;
    this.frame();
  }

  frame(): void {
    if (!this.ctx || this.width === 0 || this.record.version === this.drawnVersion) return;
    const now = performance.now();
    if (now - this.drawnAt < this.minIntervalMs) return;
    this.drawnAt = now;
    this.drawnVersion = this.record.version;
    drawLineFigure(
      this.ctx,
      this.width,
      this.height,
      this.dpr,
      this.specOf(this.record, this.width),
    );
  }
}
