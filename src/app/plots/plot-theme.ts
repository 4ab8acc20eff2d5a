/** Colours and the common layout of the live plots, so the three figures read as one panel. */
import type { PlotLayout } from './plotly.ts';

/** Bright on the page's dark panels; the first two match the editor's E/I colours' tones. */
export const POPULATION_COLORS = [
  '#5ca8ff',
  '#ff8a5c',
  '#4ade80',
  '#f5c542',
  '#c084fc',
  '#2dd4bf',
  '#f472b6',
  '#a8b3c7',
];

/** Colour of the k-th population (document order), stable across the three plots. */
export function populationColor(k: number): string {
  return POPULATION_COLORS[k % POPULATION_COLORS.length] ?? '#5ca8ff';
}

export const PLOT_MARGIN = { l: 64, r: 16, t: 28, b: 36 };

/**
 * Margins of the line figures (traces, rates): room above the plot area for the legend, so
 * plotly need not grow the margin for it and the live canvas knows where the plot area is.
 */
export const LINE_MARGIN = { ...PLOT_MARGIN, t: 44 };

/** The line figures' legend: one row right-aligned just above the plot area. */
export const LINE_LEGEND = {
  orientation: 'h',
  x: 1,
  xanchor: 'right',
  y: 1,
  yanchor: 'bottom',
  font: { size: 10 },
} as const;

/** Grid and axis lines that stay quiet next to the data. */
export const AXIS = { gridcolor: '#1c2533', linecolor: '#334155', zeroline: false } as const;

/** The layout every plot starts from. */
export function baseLayout(title: string, height: number): PlotLayout {
  return {
    title: { text: title, font: { size: 13 }, x: 0.01, xanchor: 'left' },
    height,
    margin: PLOT_MARGIN,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#0b1017',
    font: { family: 'Inter, system-ui, sans-serif', size: 11, color: '#8391a7' },
    xaxis: AXIS,
    yaxis: AXIS,
    showlegend: false,
    // Streaming data moves every frame; hover labels would flicker and cost time.
    hovermode: false,
  };
}

/** The scrolling time axis: the last `windowMs`, or [0, windowMs] until that much has run. */
export function timeRange(endStep: number, windowSteps: number, dt: number): [number, number] {
  const end = Math.max(endStep, windowSteps);
  return [(end - windowSteps) * dt, end * dt];
}

/** What a line figure (traces, rates) varies in its plotly layout. */
export interface LineLayoutOptions {
  showlegend: boolean;
  yTitle: string;
  /** Start the y axis at zero (rates), rather than fitting the data (membrane potential). */
  fromZero: boolean;
}

/**
 * Plotly layout of a line figure over the record's sliding window, shared by the trace and
 * rate plots so they line up with each other and with their live canvases.
 */
export function lineFigureLayout(
  title: string,
  height: number,
  window: { endStep: number; windowSteps: number; dt: number; version: number },
  options: LineLayoutOptions,
): PlotLayout {
  return {
    ...baseLayout(title, height),
    showlegend: options.showlegend,
    margin: LINE_MARGIN,
    legend: LINE_LEGEND,
    xaxis: {
      ...AXIS,
      range: timeRange(window.endStep, window.windowSteps, window.dt),
      title: { text: 'time (ms)' },
    },
    yaxis: {
      ...AXIS,
      title: { text: options.yTitle },
      ...(options.fromZero ? { rangemode: 'tozero' as const } : {}),
    },
    datarevision: window.version,
  };
}
