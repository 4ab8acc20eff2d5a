/**
 * Bookkeeping of a scrolling time axis drawn in whole device pixels. Step `s` always lands in
 * global pixel column `floor(s * widthPx / windowSteps)`, so a column never drifts however many
 * frames the image was shifted by: each frame shifts by the difference of two such columns, and
 * fractional pixels are never accumulated.
 */
export class ScrollWindow {
  /** Global column of the right edge (exclusive) of what is on screen. */
  private endColumn = 0;

  /**
   * @param widthPx width of the plot area, device px
   * @param windowSteps steps shown across that width
   */
  constructor(
    readonly widthPx: number,
    readonly windowSteps: number,
  ) {}

  /** Global pixel column of `step`. */
  column(step: number): number {
    return Math.floor((step * this.widthPx) / this.windowSteps);
  }

  /**
   * Column of `step` in the plot area as it stands: 0 at the left edge, `widthPx - 1` at the
   * right; negative when the step has scrolled out.
   */
  x(step: number): number {
    return this.widthPx - (this.endColumn - this.column(step));
  }

  /** First step shown, as the plots' time range has it (0 until a whole window has run). */
  get firstStep(): number {
    return this.endStep - this.windowSteps;
  }

  /** Last step shown, exclusive: the run's end, or the window's length until then. */
  endStep = 0;

  /**
   * Moves the right edge to `endStep` (never back); returns by how many pixels the image must
   * shift left. Until a whole window has run the axis stands still at [0, window).
   */
  advance(endStep: number): number {
    const end = Math.max(endStep, this.windowSteps, this.endStep);
    const column = this.column(end);
    const shift = this.endStep === 0 ? 0 : column - this.endColumn;
    this.endStep = end;
    this.endColumn = column;
    return shift;
  }
}
