/** The float run's raster above the quantised run's, on the same rows and time axis (plotly). */
import { useEffect, useMemo, useRef } from 'react';
import { drawPlot, purgePlot } from '../plots/plotly.ts';
import { RASTER_HEIGHT, rasterFigure } from './raster-figure.ts';
import type { Comparison } from './hardware-store.ts';

export function Raster({
  figure,
  testId,
}: {
  figure: ReturnType<typeof rasterFigure>;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const div = ref.current;
    if (div) void drawPlot(div, figure.data, figure.layout);
  }, [figure]);
  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, []);
  return (
    <div ref={ref} className="hw-raster" style={{ height: RASTER_HEIGHT }} data-testid={testId} />
  );
}

export function ComparisonRasters({ comparison }: { comparison: Comparison }) {
  const figures = useMemo(() => {
    const { source, quantised, float, fixed } = comparison;
    const bits = comparison.report.totalBits;
    return {
      float: rasterFigure(`Float (${float.backend})`, source, float),
      fixed: rasterFigure(`Quantised, ${bits} bits (${fixed.backend})`, quantised, fixed),
    };
  }, [comparison]);
  return (
    <div className="hw-rasters">
      <Raster figure={figures.float} testId="hw-raster-float" />
      <Raster figure={figures.fixed} testId="hw-raster-fixed" />
    </div>
  );
}
