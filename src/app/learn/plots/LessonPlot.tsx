/**
 * A plotly figure in a lesson: drawn with the lab's plotly helpers (`plots/plotly.ts`), updated
 * in place when its data or layout change (pass memoised values), freed on unmount. The figure
 * is an image to assistive technology, described by `label`; the numbers it shows are also in
 * the step's readouts.
 */
import { useRef } from 'react';
import type { PlotLayout, Trace } from '../../plots/plotly.ts';
import { usePlotlyFigure } from '../../plots/usePlotlyFigure.ts';

export interface LessonPlotProps {
  data: Trace[];
  layout: PlotLayout;
  height: number;
  label: string;
  testId: string;
}

export function LessonPlot({ data, layout, height, label, testId }: LessonPlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  usePlotlyFigure(ref, data, layout);
  return (
    <div className="lsn-plot" style={{ height }}>
      <div ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
