import { expect, test } from '@playwright/test';
import { node, openFresh, waitReady } from './helpers.ts';

// Two 5 s runs of the f-I curve (float, then fixed point) on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

test('Hardware tab: the check names the float LIF, quantising compares rates and rasters, Apply is one undo step', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-f-i-curve.json').click();
  await expect(node(page, 'i080')).toBeVisible();

  await page.getByTestId('tab-hardware').click();
  const refusal = page.getByTestId('hw-refusal-i080');
  await expect(refusal).toHaveText(
    "population 'i080' (I = 0.08) is a float LIF, which has no exact hardware form: " +
      'convert it to fixed_point_lif (Quantise for hardware)',
  );
  await expect(page.getByTestId('hw-refusals').locator('li')).toHaveCount(8);
  // A refusal selects its population: the inspector opens on it.
  await refusal.click();
  await expect(page.getByTestId('population-inspector')).toContainText('I = 0.08');

  await page.getByTestId('hw-quantise').click();
  await expect(page.getByTestId('hw-rates')).toBeVisible({ timeout: 90_000 });
  // The float rate of I = 0.08 is 50 Hz (250 spikes in 5 s); the fixed-point one matches it
  // at 16 bits (the unit tests measure identical counts on the reference backend).
  await expect(page.getByTestId('hw-rate-float-i080')).toHaveText('50');
  await expect(page.getByTestId('hw-rate-fixed-i080')).toHaveText('50');
  await expect(page.getByTestId('hw-rate-float-i040')).toHaveText('0');
  await expect(page.getByTestId('hw-report')).toContainText(
    "population 'i080' (I = 0.08): fixed_point_lif W=16 F=14 S=14",
  );
  for (const id of ['hw-raster-float', 'hw-raster-fixed']) {
    // plotly draws each raster into its own figure, titled by run.
    await expect(page.getByTestId(id).locator('.main-svg').first()).toBeVisible();
  }
  await expect(page.getByTestId('hw-raster-float')).toContainText('Float');
  await expect(page.getByTestId('hw-raster-fixed')).toContainText('Quantised, 16 bits');
  const floatBox = await page.getByTestId('hw-raster-float').boundingBox();
  const fixedBox = await page.getByTestId('hw-raster-fixed').boundingBox();
  expect(
    floatBox !== null && fixedBox !== null && fixedBox.y >= floatBox.y + floatBox.height - 1,
  ).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('hardware-panel.png') });
  await page.getByTestId('hw-raster-fixed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('hardware-panel-rasters.png') });

  await page.getByTestId('hw-apply').click();
  await expect(page.getByTestId('hw-ok')).toBeVisible();
  await expect(page.getByTestId('hw-refusals')).toHaveCount(0);
  await expect(page.getByTestId('hw-apply')).toBeDisabled();

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('hw-refusal-i080')).toBeVisible();
  await expect(page.getByTestId('hw-refusals').locator('li')).toHaveCount(8);

  // Redo, then reload: the autosave kept the quantised network.
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('hw-ok')).toBeVisible();
  // The autosave writes a moment after the last change.
  await expect
    .poll(() => page.evaluate(() => Object.values(window.localStorage).join('\n')))
    .toContain('fixed_point_lif');
  await page.reload();
  await waitReady(page);
  await page.getByTestId('tab-hardware').click();
  await expect(page.getByTestId('hw-ok')).toBeVisible();
  await expect(node(page, 'i080')).toContainText('1 neuron');
});

test('Hardware tab: a long comparison shows its progress and cancels', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-cuba.json').click();
  await expect(node(page, 'exc')).toBeVisible();
  // 4000 neurons for 60 s: far longer than the test waits, however fast the engine here.
  await page.getByTestId('duration-input').fill('60000');
  await page.getByTestId('duration-input').press('Enter');
  await page.getByTestId('tab-hardware').click();
  await expect(page.getByTestId('hw-refusal-exc')).toBeVisible();
  await page.getByTestId('hw-quantise').click();
  await expect(page.getByTestId('hw-progress')).toContainText('running the float network');
  // The tab's label shows the progress too (float then fixed, each half).
  await expect(page.getByTestId('hw-tab-progress')).toHaveText(/^\d+%$/);
  await page.getByTestId('hw-cancel').click();
  await expect(page.getByTestId('hw-tab-progress')).toHaveCount(0);
  await expect(page.getByTestId('hw-message')).toHaveText('Cancelled.');
  await expect(page.getByTestId('hw-progress')).toHaveCount(0);
  await expect(page.getByTestId('hw-quantise')).toBeEnabled();
  await expect(page.getByTestId('hw-rates')).toHaveCount(0);
});
