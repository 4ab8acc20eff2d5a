/**
 * A plotly figure in a div: drawn when its data or layout change (pass memoised values, so an
 * unrelated re-render does not redraw), updated in place, and freed when the div unmounts.
 */
import { useEffect, type RefObject } from 'react';
import { drawPlot, purgePlot, type PlotLayout, type Trace } from './plotly.ts';

export function usePlotlyFigure(
  ref: RefObject<HTMLDivElement | null>,
  data: Trace[],
  layout: PlotLayout,
): void {
  useEffect(() => {
    const div = ref.current;
    if (div) void drawPlot(div, data, layout);
  }, [ref, data, layout]);
  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, [ref]);
}
