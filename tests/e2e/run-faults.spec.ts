import { expect, test } from '@playwright/test';

// Runs stream for seconds and the machine is shared: give each test room.
test.describe.configure({ timeout: 120_000 });
import { nodeIds, openFresh, waitReady } from './helpers.ts';
import { run, waitForSpikes } from './run-helpers.ts';

test('a worker crash is reported, Restart works, and the network is intact', async ({ page }) => {
  await openFresh(page);
  await page.goto('/?test=1');
  await waitReady(page);
  const before = await nodeIds(page);
  expect(before.length).toBeGreaterThan(0);
  await page.getByTestId('duration-input').fill('100000');
  await page.getByTestId('duration-input').press('Enter');
  await page.getByTestId('speed-select').selectOption({ label: '1× real time' });
  await run(page);
  await waitForSpikes(page, 1);

  await page.evaluate(() => window.__spikelabSession?.getState().crashWorkerForTest('throw-async'));
  await expect(page.getByTestId('run-crash')).toContainText('crashed');
  await expect(page.getByTestId('run-status')).toHaveText('crashed');
  await expect(page.getByTestId('run-button')).toBeDisabled();
  expect(await nodeIds(page)).toEqual(before);

  await page.getByTestId('restart-button').click();
  await expect(page.getByTestId('run-crash')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await run(page);
  await waitForSpikes(page, 1);
  expect(await nodeIds(page)).toEqual(before);
});

test('an engine error is shown and the network is not touched', async ({ page }) => {
  await page.goto('/tests/e2e/harness/index.html?example=default');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  // 200,000 x 200,000 all-to-all is valid but needs far more memory than the budget allows.
  const before = await page.evaluate(() => {
    const api = window.__spikelab;
    if (!api) throw new Error('harness not loaded');
    const doc = structuredClone(api.documentStore.getState().document);
    const first = doc.populations[1];
    if (!first) throw new Error('example has no second population');
    first.size = 200_000;
    doc.projections = [
      {
        id: 'huge',
        source: first.id,
        target: first.id,
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 0.001 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
    ];
    api.load(doc);
    return JSON.stringify(api.documentStore.getState().document);
  });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toHaveAttribute('data-kind', 'memory-budget');
  await expect(page.getByTestId('run-error')).toContainText('too large');
  await expect(page.getByTestId('run-status')).toHaveText('error');
  const after = await page.evaluate(() =>
    JSON.stringify(window.__spikelab?.documentStore.getState().document),
  );
  expect(after).toBe(before);
});
