/**
 * The plotly layout of a lesson figure: the lab's plot theme (`plots/plot-theme.ts`), with axis
 * titles, optional log axes and a legend above the plot area. Hover labels are on: a student
 * reading a static figure may want exact values, which the streaming lab plots turn off.
 */
import { AXIS, LINE_LEGEND, LINE_MARGIN, baseLayout } from '../../plots/plot-theme.ts';
import type { PlotLayout } from '../../plots/plotly.ts';

export interface LessonAxes {
  xTitle: string;
  yTitle: string;
  xLog?: boolean;
  yLog?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  legend?: boolean;
  /** Tick positions of the x axis (plotly's own otherwise). */
  xTicks?: readonly number[];
}

/** Layout for a figure of `height` px titled `title`. Log ranges are in log10 units. */
export function lessonLayout(title: string, height: number, axes: LessonAxes): PlotLayout {
  return {
    ...baseLayout(title, height),
    margin: LINE_MARGIN,
    showlegend: axes.legend ?? false,
    legend: LINE_LEGEND,
    hovermode: 'closest',
    xaxis: {
      ...AXIS,
      title: { text: axes.xTitle },
      type: axes.xLog === true ? 'log' : 'linear',
      ...(axes.xRange ? { range: axes.xRange } : {}),
      ...(axes.xTicks
        ? {
            tickmode: 'array' as const,
            tickvals: [...axes.xTicks],
            ticktext: axes.xTicks.map((v) => v.toLocaleString('en-US')),
          }
        : {}),
      // Log axes label the decades only: plotly's 2 and 5 between them crowd a small figure.
      ...(axes.xLog === true && !axes.xTicks ? { dtick: 1 } : {}),
    },
    yaxis: {
      ...AXIS,
      title: { text: axes.yTitle },
      type: axes.yLog === true ? 'log' : 'linear',
      ...(axes.yRange ? { range: axes.yRange } : {}),
      ...(axes.yLog === true ? { dtick: 1, exponentformat: 'power' as const } : {}),
    },
  };
}
