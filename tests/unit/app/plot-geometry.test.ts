import { describe, expect, it } from 'vitest';
import { plotArea, rowBoxes, rowDomains } from '../../../src/app/plots/plot-geometry.ts';
import { LINE_MARGIN, PLOT_MARGIN } from '../../../src/app/plots/plot-theme.ts';

describe('plot geometry', () => {
  it("is plotly's plot area: the figure less its margins", () => {
    expect(plotArea(800, 300)).toEqual({
      x: PLOT_MARGIN.l,
      y: PLOT_MARGIN.t,
      width: 800 - PLOT_MARGIN.l - PLOT_MARGIN.r,
      height: 300 - PLOT_MARGIN.t - PLOT_MARGIN.b,
    });
    // At a device pixel ratio of 2 everything doubles.
    expect(plotArea(800, 300, 2).width).toBe(2 * (800 - PLOT_MARGIN.l - PLOT_MARGIN.r));
  });

  it('leaves the line figures room for their legend above the plot area', () => {
    const area = plotArea(800, 240, 1, LINE_MARGIN);
    expect(area.y).toBe(LINE_MARGIN.t);
    expect(area.y + area.height).toBe(240 - LINE_MARGIN.b);
    expect(LINE_MARGIN.t).toBeGreaterThan(PLOT_MARGIN.t);
  });

  it('splits the rows with gaps, top row first, filling the whole area', () => {
    const domains = rowDomains(2);
    expect(domains[0]?.[1]).toBe(1);
    expect(domains[1]?.[0]).toBeCloseTo(0, 12);
    expect((domains[0]?.[0] ?? 0) - (domains[1]?.[1] ?? 0)).toBeCloseTo(0.04, 12);
    expect(rowDomains(1)).toEqual([[0, 1]]);
  });

  it('gives whole-pixel rows that do not overlap', () => {
    const area = { x: 64, y: 28, width: 1000, height: 401 };
    const boxes = rowBoxes(area, 3);
    expect(boxes[0]?.y).toBe(28);
    const last = boxes[2];
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBe(28 + 401);
    for (let k = 1; k < boxes.length; k++) {
      const above = boxes[k - 1];
      expect(boxes[k]?.y ?? 0).toBeGreaterThan((above?.y ?? 0) + (above?.height ?? 0));
    }
    for (const b of boxes) expect(Number.isInteger(b.y) && Number.isInteger(b.height)).toBe(true);
  });
});
