/** The sweep's result curve (plotly line with markers): rate against the swept value. */
import { useMemo, useRef } from 'react';
import type { SweepPoint } from '../../engine/sweep/run-sweep.ts';
import { usePlotlyFigure } from '../plots/usePlotlyFigure.ts';
import { CURVE_HEIGHT, sweepFigure } from './sweep-figure.ts';

export function SweepCurve({
  points,
  label,
  population,
}: {
  points: readonly SweepPoint[];
  label: string;
  population: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const figure = useMemo(() => sweepFigure(points, label, population), [points, label, population]);
  usePlotlyFigure(ref, figure.data, figure.layout);
  return (
    <div
      ref={ref}
      className="sweep-curve"
      style={{ height: CURVE_HEIGHT }}
      data-testid="sweep-curve"
    />
  );
}
