/**
 * Helpers that drive a run the way a user does (the toolbar's buttons) and read what the plots
 * drew: the plotly graph div's data and the pixels of its screenshot once a run stopped, the
 * live raster canvas's pixels while it streams.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Run and waits until the run is streaming (or already over). */
export async function run(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  // Starting compiles the network and, on `auto`, probes the GPU: slow on a busy machine.
  await expect(page.getByTestId('run-status')).toHaveText(/running|finished/, { timeout: 30_000 });
}

/** Points drawn by the spike raster, per population trace (read from plotly's data). */
export async function rasterPoints(page: Page): Promise<Record<string, number>> {
  return page.getByTestId('raster-plot').evaluate((div) => {
    const data = (div as HTMLElement & { data?: { name?: string; x?: ArrayLike<number> }[] }).data;
    const out: Record<string, number> = {};
    for (const trace of data ?? []) out[trace.name ?? '?'] = trace.x?.length ?? 0;
    return out;
  });
}

/** Where the live raster painted one colour: how many pixels, and their rows' extent. */
export interface PaintedPixels {
  count: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** The canvas's width, device px. */
  width: number;
}

/**
 * Pixels of the live raster canvas in colour `rgb` (within `tolerance`, summed over channels),
 * read back with getImageData: markers are whole-pixel rectangles in their population's colour.
 */
export async function livePixels(
  page: Page,
  rgb: [number, number, number],
  tolerance = 12,
): Promise<PaintedPixels> {
  return page.getByTestId('live-raster').evaluate(
    (canvas, { rgb, tolerance }) => {
      const none = {
        count: 0,
        minX: Infinity,
        maxX: -Infinity,
        minY: Infinity,
        maxY: -Infinity,
        width: 0,
      };
      if (!(canvas instanceof HTMLCanvasElement) || canvas.hidden) return none;
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) return none;
      const { data, width } = context.getImageData(0, 0, canvas.width, canvas.height);
      let { count, minX, maxX, minY, maxY } = none;
      for (let k = 0; k < data.length; k += 4) {
        const d =
          Math.abs((data[k] ?? 0) - rgb[0]) +
          Math.abs((data[k + 1] ?? 0) - rgb[1]) +
          Math.abs((data[k + 2] ?? 0) - rgb[2]);
        if (d > tolerance) continue;
        const y = Math.floor(k / 4 / width);
        const x = (k / 4) % width;
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      return { count, minX, maxX, minY, maxY, width };
    },
    { rgb, tolerance },
  );
}

/**
 * Spikes drawn so far, roughly: the plotly raster's points once the run stopped, or while it
 * streams the live canvas's pixels in any population colour (both zero before any spike).
 */
async function drawnSpikes(page: Page): Promise<number> {
  const points = Object.values(await rasterPoints(page)).reduce((a, b) => a + b, 0);
  if (!(await page.getByTestId('live-raster').isVisible())) return points;
  let pixels = 0;
  for (const rgb of POPULATION_RGB) pixels += (await livePixels(page, rgb)).count;
  return pixels;
}

/** The plots' population colours (plot-theme.ts), in document order. */
export const POPULATION_RGB: [number, number, number][] = [
  [0x5c, 0xa8, 0xff],
  [0xff, 0x8a, 0x5c],
  [0x4a, 0xde, 0x80],
];

/** Waits until the raster shows at least `min` spikes (points, or live pixels). */
export async function waitForSpikes(page: Page, min = 1): Promise<void> {
  await expect.poll(() => drawnSpikes(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(min);
}

/**
 * Pixels of `locator`'s screenshot whose colour is within `tolerance` of `rgb`: proves a
 * WebGL plot really painted its points, not only that plotly holds data.
 */
export async function countColoredPixels(
  page: Page,
  locator: Locator,
  rgb: [number, number, number],
  tolerance = 60,
): Promise<number> {
  const png = (await locator.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, rgb, tolerance }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return -1;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let count = 0;
      for (let k = 0; k < data.length; k += 4) {
        const d =
          Math.abs((data[k] ?? 0) - rgb[0]) +
          Math.abs((data[k + 1] ?? 0) - rgb[1]) +
          Math.abs((data[k + 2] ?? 0) - rgb[2]);
        if (d <= tolerance) count++;
      }
      return count;
    },
    { png, rgb, tolerance },
  );
}

/** The simulated time shown by the toolbar, ms. */
export async function simulatedMs(page: Page): Promise<number> {
  const text = (await page.getByTestId('run-time').textContent()) ?? '';
  const value = parseFloat(text);
  return text.includes(' s') && !text.includes('ms') ? value * 1000 : value;
}
