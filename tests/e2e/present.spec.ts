/**
 * The presenter view as a presenter uses it: opened from the lab's address, keys only (Space,
 * R, Esc), the big raster drawing the run beside the 3D view, and audible spikes scheduled for the chosen
 * population while the sound is on.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers.ts';

/** Pixels of the presenter raster that are neither the plot's background nor blank. */
async function paintedPixels(page: Page): Promise<number> {
  return page.getByTestId('presenter-raster').evaluate((canvas) => {
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    // The first population's colour, #5ca8ff, as the raster paints the input's spikes.
    for (let k = 0; k < data.length; k += 4) {
      const d =
        Math.abs((data[k] ?? 0) - 0x5c) +
        Math.abs((data[k + 1] ?? 0) - 0xa8) +
        Math.abs((data[k + 2] ?? 0) - 0xff);
      if (d <= 12) count++;
    }
    return count;
  });
}

test('presenter view: keys run, pause, reset and leave; the raster draws; spikes click', async ({
  page,
}) => {
  await openFresh(page);
  // A long run at real time, so it is still running when paused.
  await page.getByTestId('duration-input').fill('60000');
  await page.getByTestId('duration-input').press('Enter');
  await page.getByTestId('speed-select').selectOption('1');
  await expect(page.getByTestId('audio-toggle')).toBeVisible();

  await page.evaluate(() => {
    window.location.hash = '#/present';
  });
  const view = page.getByTestId('presenter-view');
  await expect(view).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Balanced E/I network');
  await expect(view.getByTestId('view3d')).toBeVisible();

  // Sound on for the excitatory population, then back to the page so Space is the page's key.
  await page.getByTestId('audio-population').selectOption('exc');
  await page.getByTestId('audio-toggle').click();
  await expect(page.getByTestId('audio-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.presenter-stage').click();

  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('running', { timeout: 30_000 });
  await expect.poll(() => paintedPixels(page), { timeout: 15_000 }).toBeGreaterThan(50);
  await expect
    .poll(async () => Number(await page.getByTestId('audio-toggle').getAttribute('data-clicks')))
    .toBeGreaterThan(5);
  await page.screenshot({ path: '/tmp/po/present-running.png' });

  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('present-run')).toHaveText('Resume');
  // Paused: no more clicks are scheduled.
  const clicks = Number(await page.getByTestId('audio-toggle').getAttribute('data-clicks'));
  await page.waitForTimeout(300);
  expect(Number(await page.getByTestId('audio-toggle').getAttribute('data-clicks'))).toBe(clicks);

  await page.keyboard.press('r');
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await expect(page.getByTestId('presenter-raster')).toHaveCount(0);
  await expect(view.getByText('Press Run (Space)')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.getByTestId('run-button')).toBeVisible();
});
