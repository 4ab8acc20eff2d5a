/**
 * A plotly figure in a lesson: drawn with the lab's plotly helpers (`plots/plotly.ts`), updated
 * in place when its data or layout change (pass memoised values), freed on unmount. The figure
 * is an image to assistive technology, described by `label`; the numbers it shows are also in
 * the step's readouts.
 */
import { useEffect, useRef } from 'react';
import { drawPlot, purgePlot, type PlotLayout, type Trace } from '../../plots/plotly.ts';

export interface LessonPlotProps {
  data: Trace[];
  layout: PlotLayout;
  height: number;
  label: string;
  testId: string;
}

export function LessonPlot({ data, layout, height, label, testId }: LessonPlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const div = ref.current;
    if (div) void drawPlot(div, data, layout);
  }, [data, layout]);
  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, []);
  return (
    <div className="lsn-plot" style={{ height }}>
      <div ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
