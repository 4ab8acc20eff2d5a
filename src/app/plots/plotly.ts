/**
 * The few plotly.js calls the plots use, typed, in one place: the rest of the app never
 * touches the untyped bundle. Figures are updated with `Plotly.react`, which diffs against the
 * previous figure and, for `scattergl`, re-uploads only the changed buffers.
 */
import Plotly from 'plotly.js-dist-min';
import type { Config, Layout, PlotData } from 'plotly.js';

export type Trace = Partial<PlotData>;
export type PlotLayout = Partial<Layout>;

const CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  // The panel has its own PNG buttons, and a streaming plot's axes follow the run, so the
  // mode bar's zoom tools would only fight the stream.
  displayModeBar: false,
};

/** Draws or updates a figure in `div`. */
export function drawPlot(div: HTMLElement, data: Trace[], layout: PlotLayout): Promise<unknown> {
  return Plotly.react(div, data, layout, CONFIG);
}

/** Frees a figure's WebGL contexts and listeners. */
export function purgePlot(div: HTMLElement): void {
  Plotly.purge(div);
}

/** Saves the figure as a PNG file named `filename`.png. */
export function downloadPng(div: HTMLElement, filename: string): Promise<string> {
  return Plotly.downloadImage(div, {
    format: 'png',
    filename,
    width: Math.max(600, div.clientWidth),
    height: Math.max(300, div.clientHeight),
  });
}

/**
 * Saves the figure as an SVG file named `filename`.svg: vector axes, text and markers for
 * papers (plotly embeds a WebGL trace such as the raster's scattergl as an image inside it).
 */
export function downloadSvg(div: HTMLElement, filename: string): Promise<string> {
  return Plotly.downloadImage(div, {
    format: 'svg',
    filename,
    width: Math.max(600, div.clientWidth),
    height: Math.max(300, div.clientHeight),
  });
}

/** The figure as a PNG data URL (for tests and previews). */
export function toPngDataUrl(div: HTMLElement): Promise<string> {
  return Plotly.toImage(div, {
    format: 'png',
    width: Math.max(600, div.clientWidth),
    height: Math.max(300, div.clientHeight),
  });
}
