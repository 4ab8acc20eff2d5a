/** The float run's raster above the quantised run's, on the same rows and time axis (plotly). */
import { useMemo, useRef } from 'react';
import { usePlotlyFigure } from '../plots/usePlotlyFigure.ts';
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
  usePlotlyFigure(ref, figure.data, figure.layout);
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
