import { expect, test } from '@playwright/test';

// Runs stream for seconds and the machine is shared: give each test room.
test.describe.configure({ timeout: 120_000 });
import { openFresh } from './helpers.ts';
import {
  countColoredPixels,
  rasterPoints,
  run,
  simulatedMs,
  waitForSpikes,
} from './run-helpers.ts';

// The first population colour of the plots (plot-theme.ts), as drawn by the raster.
const FIRST_POPULATION_RGB: [number, number, number] = [0x5c, 0xa8, 0xff];

test('Run on the default network draws spikes and reports the backend', async ({ page }) => {
  await openFresh(page);
  // `auto` may pick a gpu.js mode, slow on SwiftShader: keep the run short.
  await page.getByTestId('duration-input').fill('300');
  await page.getByTestId('duration-input').press('Enter');
  const raster = page.getByTestId('plots-panel');
  await run(page);
  await waitForSpikes(page, 50);
  const points = await rasterPoints(page);
  expect(Object.keys(points).length).toBeGreaterThanOrEqual(2);
  expect(Object.values(points).every((n) => n > 0)).toBe(true);
  await expect(page.getByTestId('run-backend')).toHaveText(/reference|wasm|gpu:/);
  const blue = await countColoredPixels(
    page,
    page.getByTestId('raster-plot'),
    FIRST_POPULATION_RGB,
  );
  expect(blue).toBeGreaterThan(50);
  await expect(raster).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  expect(await simulatedMs(page)).toBeCloseTo(300, 0);
});

test('Pause, Step, Reset, and edits while paused apply on Reset', async ({ page }) => {
  await openFresh(page);
  // Long enough that the run is still going when we pause it.
  await page.getByTestId('duration-input').fill('100000');
  await page.getByTestId('duration-input').press('Enter');
  await page.getByTestId('speed-select').selectOption({ label: '1× real time' });
  await run(page);
  await waitForSpikes(page, 1);
  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  // The worker confirms it stopped once the chunks in flight have landed (how many is pinned
  // by the unit tests of the flow control); from then on time stands still.
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-busy', 'false', {
    timeout: 30_000,
  });
  const paused = await simulatedMs(page);
  await page.waitForTimeout(700);
  expect(await simulatedMs(page)).toBe(paused);

  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-busy', 'false', {
    timeout: 30_000,
  });
  expect(await simulatedMs(page)).toBeCloseTo(paused + 20, 5);
  await expect(page.getByTestId('run-status')).toHaveText('paused');

  // An edit while paused does not touch the compiled run; the page says Reset applies it.
  await expect(page.getByTestId('network-changed')).toHaveCount(0);
  await page.getByTestId('duration-input').fill('5000');
  await page.getByTestId('duration-input').press('Enter');
  await expect(page.getByTestId('network-changed')).toHaveText('network changed — Reset to apply');

  await page.getByTestId('run-button').click(); // Resume
  await expect.poll(() => simulatedMs(page), { timeout: 30_000 }).toBeGreaterThan(paused + 60);
  await page.getByTestId('pause-button').click();

  await page.getByTestId('reset-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await expect(page.getByTestId('run-time')).toHaveText('0.0 ms');
  await expect(page.getByTestId('raster-plot')).toHaveCount(0);
  await expect(page.getByTestId('network-changed')).toHaveCount(0);
  await run(page);
  await waitForSpikes(page, 1);
  // The new run was compiled from the edited network: its duration is the new one.
  await expect(page.locator('.run-stats')).toContainText('/ 5.00 s');
});

test('Cancel stops a run at once and keeps what was recorded', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('duration-input').fill('100000');
  await page.getByTestId('duration-input').press('Enter');
  await page.getByTestId('speed-select').selectOption({ label: '1× real time' });
  await run(page);
  await waitForSpikes(page, 1);
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled');
  const at = await simulatedMs(page);
  await page.waitForTimeout(600);
  expect(await simulatedMs(page)).toBe(at);
  expect(Object.values(await rasterPoints(page)).some((n) => n > 0)).toBe(true);
  await expect(page.getByTestId('export-json')).toBeEnabled();
});

test('Export JSON writes the CLI format', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('duration-input').fill('200');
  await page.getByTestId('duration-input').press('Enter');
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.run\.json$/);
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const json = JSON.parse(await readFile(path, 'utf8')) as {
    meta: { backend: string; dt: number; steps: number; total_spikes: number };
    spikes: Record<string, { t: number[]; i: number[] }>;
  };
  expect(json.meta.steps * json.meta.dt).toBeCloseTo(200, 6);
  expect(json.meta.backend).toBe(await page.getByTestId('run-backend').textContent());
  const populations = Object.values(json.spikes);
  expect(populations.length).toBeGreaterThanOrEqual(2);
  let total = 0;
  for (const { t, i } of populations) {
    expect(t.length).toBe(i.length);
    expect(t.every((x) => x >= 0 && x < 200)).toBe(true);
    total += t.length;
  }
  expect(total).toBe(json.meta.total_spikes);
  expect(total).toBeGreaterThan(0);
});
