/**
 * Helpers that drive a run the way a user does (the toolbar's buttons) and read what the plots
 * drew (the plotly graph div's data, and the pixels of its screenshot).
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

/** Waits until the raster shows at least `min` points in total. */
export async function waitForSpikes(page: Page, min = 1): Promise<void> {
  await expect
    .poll(async () => Object.values(await rasterPoints(page)).reduce((a, b) => a + b, 0), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(min);
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
