import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readNirFile } from '../../src/model/interchange/nir/graph.ts';
import { nodeIds, openFresh } from './helpers.ts';
import { rasterPoints, run } from './run-helpers.ts';

// An import, a run and an export, each slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

// Conv2d -> IF -> SumPool2d -> IF -> Flatten -> Affine -> LIF: the conv bias drives if1 to
// spike without input, so the LIF output fires in 100 ms.
const FIXTURE = 'tests/fixtures/nir/conv2d_pool.nir';

test('a NIR file shows its mapping live, imports as one undoable edit, runs and exports', async ({
  page,
}) => {
  await openFresh(page);
  await page.getByTestId('open-file-input').setInputFiles(FIXTURE);
  const dialog = page.getByTestId('nir-import-dialog');
  // The first NIR file loads the HDF5 library (megabytes of WebAssembly).
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('nir-dt')).toBeFocused();

  // The LIF's leak per step: 1 - exp(-dt/tau) exactly, 1 - (1 - dt/tau) = dt/tau with Euler.
  const leak = page
    .getByTestId('nir-row-lif')
    .locator('tr', { has: page.getByText('leak', { exact: true }) });
  await expect(leak).toContainText('1 - exp(-dt/tau_mem)');
  await expect(leak.locator('td').nth(1)).toHaveText(/^0\.09516\d*$/);
  await page.getByTestId('nir-discretisation-euler').check();
  await expect(leak.locator('td').nth(1)).toHaveText(/^0\.10*\d?$/);
  await expect(leak).not.toContainText('exp(');
  await page.getByTestId('nir-discretisation-exact').check();

  // A bad dt is named and blocks the import; Escape closes with the network untouched.
  await page.getByTestId('nir-dt').fill('0');
  await expect(page.getByTestId('nir-form-error')).toContainText('dt: "0"');
  await expect(page.getByTestId('nir-import')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);

  await page.getByTestId('open-file-input').setInputFiles(FIXTURE);
  await page.getByTestId('nir-import').click();
  await expect(dialog).toHaveCount(0);
  expect((await nodeIds(page)).sort()).toEqual(['if1', 'if2', 'input', 'lif']);
  await expect(page.getByTestId('network-name')).toHaveValue('conv2d_pool');

  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await expect.poll(async () => (await rasterPoints(page)).lif ?? 0).toBeGreaterThan(0);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('file-export-nir').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('conv2d-pool.nir');
  await expect(page.getByTestId('nir-export-dialog')).toBeVisible();
  const { graph } = await readNirFile(new Uint8Array(readFileSync(await download.path())));
  const types = Object.values(graph.nodes).map((n) => n.type);
  expect(types).toEqual(expect.arrayContaining(['Input', 'Conv2d', 'IF', 'SumPool2d', 'LIF']));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('nir-export-dialog')).toHaveCount(0);

  await page.getByTestId('undo').click();
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);
});
