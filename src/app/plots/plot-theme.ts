/** Colours and the common layout of the live plots, so the three figures read as one panel. */
import type { PlotLayout } from './plotly.ts';

export const POPULATION_COLORS = [
  '#3b6fd6',
  '#d9463b',
  '#2f9e57',
  '#e08a1e',
  '#8a56c2',
  '#1f9aa5',
  '#c2417f',
  '#6b7a8f',
];

/** Colour of the k-th population (document order), stable across the three plots. */
export function populationColor(k: number): string {
  return POPULATION_COLORS[k % POPULATION_COLORS.length] ?? '#3b6fd6';
}

export const PLOT_MARGIN = { l: 64, r: 16, t: 28, b: 36 };

/** The layout every plot starts from. */
export function baseLayout(title: string, height: number): PlotLayout {
  return {
    title: { text: title, font: { size: 13 }, x: 0.01, xanchor: 'left' },
    height,
    margin: PLOT_MARGIN,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#fbfbfd',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
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
