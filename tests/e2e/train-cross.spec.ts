/**
 * The trainers on the gpu.js modes that exist only in a browser, webgl2 and webgpu
 * (SwiftShader when headless), and webasm in the page: one batch's BPTT, truncated BPTT and
 * e-prop loss, predictions and gradients equal the typed-array device's within float32
 * tolerance, and BPTT training learns there. A device that cannot start fails the test.
 */
import { expect, test } from '@playwright/test';
import type { TrainDevice } from '../../src/engine/learning/train/index.ts';
import type { TrainComparison } from './train/page.ts';

test.describe.configure({ timeout: 300_000 });

const DEVICES: TrainDevice[] = ['gpu:webasm', 'gpu:webgl2', 'gpu:webgpu'];

test('BPTT, TBPTT and e-prop gradients on webasm, webgl2 and webgpu equal the js device', async ({
  page,
}) => {
  await page.goto('/tests/e2e/train/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  for (const device of DEVICES) {
    const rows: TrainComparison[] = await page.evaluate((d) => {
      const api = window.__train;
      if (!api) throw new Error('trainer page not loaded');
      return api.compare(d);
    }, device);
    console.log(device, JSON.stringify(rows));
    for (const row of rows) {
      expect(row.unavailable, `${device} ${row.rule}`).toBeNull();
      expect(row.device).toBe(device);
      expect(row.lossDifference, `${device} ${row.rule} loss`).toBeLessThan(1e-4);
      expect(row.predictionsEqual, `${device} ${row.rule} predictions`).toBe(true);
      expect(row.relativeGradientDifference, `${device} ${row.rule} gradient`).toBeLessThan(1e-4);
    }
  }
});

test('BPTT learns on webgl2 and webgpu; samples per second in the page', async ({ page }) => {
  await page.goto('/tests/e2e/train/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const lines: string[] = [];
  for (const device of ['js', 'gpu:webgl2', 'gpu:webgpu'] as TrainDevice[]) {
    const history = await page.evaluate((d) => window.__train!.fit(d), device);
    const last = history[history.length - 1]!;
    expect(last.testAccuracy, device).toBeGreaterThanOrEqual(0.7);
    const bench = await page.evaluate((d) => window.__train!.bench(d), device);
    lines.push(
      `${device}: test accuracy ${last.testAccuracy.toFixed(2)}, bench ${bench.network} batch ${bench.batchSize} x ${bench.steps} steps ${bench.samplesPerSecond.toFixed(1)} samples/s`,
    );
  }
  console.log(lines.join('\n'));
  test
    .info()
    .annotations.push({ type: 'BPTT training in Chromium', description: lines.join('; ') });
});
