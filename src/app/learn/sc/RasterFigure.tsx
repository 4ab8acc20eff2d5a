/** A layer's spike raster: one row per neuron over the run. */
import { useMemo } from 'react';
import { LessonPlot } from '../plots/LessonPlot.tsx';
import { lessonLayout } from '../plots/lesson-layout.ts';
import { rasterTraces, rasterYAxis } from './layer-figures.ts';

export interface RasterFigureProps {
  trains: readonly Uint8Array[];
  title: string;
  color: string;
  testId: string;
}

export function RasterFigure({ trains, title, color, testId }: RasterFigureProps) {
  const neurons = trains.length;
  const steps = trains[0]?.length ?? 0;
  const height = 110 + 26 * neurons;
  const data = useMemo(() => rasterTraces(trains, color), [trains, color]);
  const layout = useMemo(() => {
    const base = lessonLayout(title, height, { xTitle: 'time (ms)', yTitle: 'neuron' });
    return {
      ...base,
      margin: { ...base.margin, t: 32 },
      xaxis: { ...base.xaxis, range: [-2, steps + 2] },
      yaxis: { ...base.yaxis, ...rasterYAxis(neurons) },
    };
  }, [title, height, steps, neurons]);
  const spikes = trains.reduce((n, row) => n + row.reduce((a, b) => a + b, 0), 0);
  return (
    <LessonPlot
      data={data}
      layout={layout}
      height={height}
      label={`${title}: ${neurons} neurons, ${spikes} spikes in ${steps} ms`}
      testId={testId}
    />
  );
}
