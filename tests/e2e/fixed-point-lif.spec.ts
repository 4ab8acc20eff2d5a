import { expect, test } from '@playwright/test';
import { dragFromPalette, node, openEmpty, selectNode, setField } from './helpers.ts';
import { rasterPoints, run } from './run-helpers.ts';

// A drop, edits, then the gallery example's run on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

test('fixed-point LIF: the palette drops one, the inspector shows its integers, the example runs', async ({
  page,
}, testInfo) => {
  await openEmpty(page);
  const id = await dragFromPalette(page, 'fixed_point_lif', { x: 400, y: 300 });
  await selectNode(page, id);
  // Defaults: 16 bits, 8 fraction bits, 12 scale bits; threshold 1 is 256 × 2^-8.
  await expect(page.getByTestId('note-v_threshold')).toHaveText('→ 256 × 2^-8');
  await expect(page.getByTestId('note-total_bits')).toHaveText('range ±128');
  await setField(page, 'fraction_bits', '10');
  await expect(page.getByTestId('note-v_threshold')).toHaveText('→ 1024 × 2^-10');
  await expect(page.getByTestId('note-total_bits')).toHaveText('range ±32');
  await page.screenshot({ path: testInfo.outputPath('fixed-point-inspector.png') });

  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-fixed-point-lif.json').click();
  await expect(node(page, 'fixed')).toBeVisible();
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 90_000 });
  // The gpu backends refuse the model, so auto runs the network on wasm.
  await expect(page.getByTestId('run-backend')).toHaveText('wasm');
  const label = 'Fixed-point LIF (16/12/14)';
  await expect.poll(async () => (await rasterPoints(page))[label] ?? 0).toBeGreaterThan(0);
  const points = await rasterPoints(page);
  // Bit-identical with the reference: 841 spikes against the float LIF's 933 (unit test).
  expect(points[label]).toBe(841);
  expect(points['Float LIF']).toBe(933);
  await page.screenshot({ path: testInfo.outputPath('fixed-point-example-run.png') });
});
