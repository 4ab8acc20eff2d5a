import { expect, test, type Page } from '@playwright/test';
import {
  POPULATION_RGB,
  countColoredPixels,
  livePixels,
  rasterPoints,
  run,
  simulatedMs,
  waitForSpikes,
} from './run-helpers.ts';

/** Screenshots of the three figures (raster, traces, rates), for a person to look at. */
async function snapshotCards(page: Page, stem: string): Promise<void> {
  const cards = page.locator('.plot-card');
  for (let k = 0; k < (await cards.count()); k++) {
    await cards.nth(k).screenshot({ path: `${stem}-${k}.png` });
  }
}

// Runs stream for seconds and the machine is shared: give each test room.
test.describe.configure({ timeout: 120_000 });

test('a streaming run draws on live canvases; Pause hands the same window to plotly', async ({
  page,
}, testInfo) => {
  // The run harness (toolbar and plots only) on a tall page shows every figure whole.
  await page.setViewportSize({ width: 1440, height: 1200 });
  await page.goto('/tests/e2e/harness/index.html?example=default');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await page.getByTestId('duration-input').fill('100000');
  await page.getByTestId('duration-input').press('Enter');
  await page.getByTestId('speed-select').selectOption({ label: '1× real time' });
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('running');

  // While streaming: the canvases show, the plotly figures wait underneath, unpainted.
  for (const id of ['live-raster', 'live-traces', 'live-rates']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await expect(page.getByTestId('raster-plot')).toBeHidden();
  const [input, exc] = POPULATION_RGB;
  if (!input || !exc) throw new Error('no population colours');
  await expect.poll(async () => (await livePixels(page, input)).count).toBeGreaterThan(50);
  await expect.poll(async () => (await livePixels(page, exc)).count).toBeGreaterThan(20);
  // Each population's spikes are painted in its own row: the first row is above the second.
  const top = await livePixels(page, input);
  const second = await livePixels(page, exc);
  expect(top.maxY).toBeLessThan(second.minY);
  // Once more than a window (1 s) has run, the scrolled image fills the row from the left edge
  // of the plot area (64 px) to its right edge (16 px margin), new spikes arriving at the right.
  await expect.poll(() => simulatedMs(page), { timeout: 30_000 }).toBeGreaterThan(1500);
  const full = await livePixels(page, input);
  expect(full.minX).toBeLessThan(64 + 30);
  expect(full.maxX).toBeGreaterThan(full.width - 16 - 40);
  expect(full.maxX).toBeLessThan(full.width - 16);
  await snapshotCards(page, testInfo.outputPath('streaming'));

  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('live-raster')).toBeHidden();
  await expect(page.getByTestId('raster-plot')).toBeVisible();
  await waitForSpikes(page, 50);
  const points = await rasterPoints(page);
  expect(Object.keys(points)).toHaveLength(3);
  expect(Object.values(points).every((n) => n > 0)).toBe(true);
  expect(await countColoredPixels(page, page.getByTestId('raster-plot'), input)).toBeGreaterThan(
    50,
  );
  // The figures keep the live canvases' size, so nothing below them moves on the switch.
  const box = await page.getByTestId('raster-plot').boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(200);
  await snapshotCards(page, testInfo.outputPath('paused'));

  // Resuming streams on the canvases again, from the whole window.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('live-raster')).toBeVisible();
  await expect.poll(async () => (await livePixels(page, input)).count).toBeGreaterThan(50);
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('live-raster')).toBeHidden();
});
