/**
 * The few plotly.js calls the plots use, typed, in one place: the rest of the app never
 * touches the untyped bundle. Figures are updated with `Plotly.react`, which diffs against the
 * previous figure and, for `scattergl`, re-uploads only the changed buffers.
 *
 * plotly.js is loaded on first use, not with the page: it is 4.8 MB of the page's JavaScript,
 * and parsing it held the first paint of the editor back by seconds on a slow machine. Every
 * call goes through the one loading promise, so calls run in the order they were made (a purge
 * after a draw waits for the draw).
 */
import type * as PlotlyModule from 'plotly.js';
import type { Config, Layout, PlotData } from 'plotly.js';

type PlotlyApi = typeof PlotlyModule;

let loading: Promise<PlotlyApi> | null = null;

function plotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-dist-min').then((module) => module.default);
  return loading;
}

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
export async function drawPlot(
  div: HTMLElement,
  data: Trace[],
  layout: PlotLayout,
): Promise<unknown> {
  return (await plotly()).react(div, data, layout, CONFIG);
}

/** Frees a figure's WebGL contexts and listeners. */
export function purgePlot(div: HTMLElement): void {
  void plotly().then((p) => p.purge(div));
}

/** Saves the figure as a PNG file named `filename`.png. */
export async function downloadPng(div: HTMLElement, filename: string): Promise<string> {
  return (await plotly()).downloadImage(div, {
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
export async function downloadSvg(div: HTMLElement, filename: string): Promise<string> {
  return (await plotly()).downloadImage(div, {
    format: 'svg',
    filename,
    width: Math.max(600, div.clientWidth),
    height: Math.max(300, div.clientHeight),
  });
}

/** The figure as a PNG data URL (for tests and previews). */
export async function toPngDataUrl(div: HTMLElement): Promise<string> {
  return (await plotly()).toImage(div, {
    format: 'png',
    width: Math.max(600, div.clientWidth),
    height: Math.max(300, div.clientHeight),
  });
}
