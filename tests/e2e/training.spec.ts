/**
 * The Train tab in the real page: a document without a trainable chain says why; the
 * classifier example trains in the worker with progress and curves, Apply writes explicit
 * weights as one undoable edit, Cancel stops after a batch, bad options are named, metrics
 * download, and the options survive a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, savedDocument, waitReady } from './helpers.ts';

interface SavedProjection {
  id: string;
  weight: { kind: string; values?: number[] };
}

async function openClassifier(page: Page): Promise<void> {
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-classifier.json').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('train-chain')).toHaveText(
    'Trains inputs (20) → hidden (32) → output (4)',
  );
}

async function projections(page: Page): Promise<SavedProjection[]> {
  const doc = (await savedDocument(page)) as { projections: SavedProjection[] };
  return doc.projections;
}

test('a network without a trainable chain says why and cannot train', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('train-no-chain')).toContainText(
    "'input' feeds 'exc' and 'inh': the chain must not branch",
  );
  await expect(page.getByTestId('train-button')).toBeDisabled();
  // The run tab is still there, unchanged.
  await page.getByTestId('tab-run').click();
  await expect(page.getByTestId('run-button')).toBeEnabled();
});

test('trains the classifier, applies the weights undoably, downloads metrics', async ({ page }) => {
  await openClassifier(page);
  await page.getByTestId('train-epochs').fill('6');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-status')).toHaveText('finished', { timeout: 60_000 });
  await expect(page.getByTestId('train-progress-text')).toContainText('Epoch 6/6, batch 12/12');
  // Both curves and the heatmap were drawn by plotly.
  await expect(page.getByTestId('train-loss-plot').locator('.scatterlayer .trace')).toHaveCount(2);
  await expect(page.getByTestId('train-accuracy-plot').locator('.scatterlayer .trace')).toHaveCount(
    3,
  );
  await expect(page.getByTestId('train-heatmap').locator('.hm, image')).not.toHaveCount(0);

  const before = await projections(page);
  expect(before.map((p) => p.weight.kind)).toEqual(['uniform', 'uniform']);
  await page.getByTestId('train-apply').click();
  await expect(page.getByTestId('train-notice')).toContainText('Trained weights applied');
  const after = await projections(page);
  expect(after.map((p) => p.weight.kind)).toEqual(['explicit', 'explicit']);
  expect(after.map((p) => p.weight.values?.length)).toEqual([640, 128]);
  expect(after[0]?.weight.values?.every(Number.isFinite)).toBe(true);

  // One Ctrl+Z restores both projections' weights.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 70 } });
  await page.keyboard.press('Control+z');
  expect((await projections(page)).map((p) => p.weight)).toEqual(before.map((p) => p.weight));

  const download = page.waitForEvent('download');
  await page.getByTestId('train-download-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Spike-pattern_classifier-training.csv');
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('step,epoch,loss,trainAccuracy,testAccuracy,learningRate,samplesPerSecond');
  expect(lines).toHaveLength(7);
});

test('Cancel stops after the current batch', async ({ page }) => {
  await openClassifier(page);
  await page.getByTestId('train-epochs').fill('500');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-progress-text')).toContainText(/Epoch \d+\/500/);
  // The heatmap follows the training: the weights after the latest epoch, redrawn as it goes.
  const title = page.getByTestId('train-heatmap').locator('.gtitle');
  await expect(title).toContainText(/epoch \d+ weights/);
  const first = await title.textContent();
  await expect(title).not.toHaveText(first ?? '');
  await page.getByTestId('train-cancel').click();
  await expect(page.getByTestId('train-status')).toHaveText('cancelled');
  // Nothing moves after the cancel.
  const stopped = await page.getByTestId('train-progress-text').textContent();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('train-progress-text')).toHaveText(stopped ?? '');
  await expect(page.getByTestId('train-notice')).toHaveText(
    'Cancelled after the current batch; no weights kept.',
  );
  await expect(page.getByTestId('train-apply')).toBeDisabled();
  await expect(page.getByTestId('train-button')).toBeEnabled();
});

test('bad options are named and block training; options survive a reload', async ({ page }) => {
  await openClassifier(page);
  await page.getByTestId('train-classes').fill('9');
  await expect(page.getByTestId('train-errors')).toContainText(
    'classes: 9 classes need 9 output neurons; the output layer has 4',
  );
  await expect(page.getByTestId('train-button')).toBeDisabled();
  await page.getByTestId('train-rule').selectOption('tbptt');
  await page.getByTestId('train-truncation').fill('12');
  await page.reload();
  await waitReady(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('train-classes')).toHaveValue('9');
  await expect(page.getByTestId('train-rule')).toHaveValue('tbptt');
  await expect(page.getByTestId('train-truncation')).toHaveValue('12');
  await page.getByTestId('train-classes').fill('4');
  await expect(page.getByTestId('train-errors')).toHaveCount(0);
  await expect(page.getByTestId('train-button')).toBeEnabled();
});

test('evolves the classifier with the genetic algorithm and applies it', async ({ page }) => {
  await openClassifier(page);
  await page.getByTestId('train-rule').selectOption('genetic');
  // What a genetic run does not use is hidden; its own settings show.
  for (const hidden of ['learningRate', 'optimizer', 'schedule', 'surrogateSlope']) {
    await expect(page.getByTestId(`train-${hidden}`)).toHaveCount(0);
  }
  await expect(page.getByTestId('train-weightBound')).toHaveValue('2');
  await page.getByTestId('train-populationSize').fill('8');
  await page.getByTestId('train-epochs').fill('4');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-status')).toHaveText('finished', { timeout: 60_000 });
  await expect(page.getByTestId('train-progress-text')).toContainText('Generation 4/4, genome 8/8');
  const loss = page.getByTestId('train-loss-plot');
  await expect(loss.locator('.scatterlayer .trace')).toHaveCount(2);
  await expect(loss.locator('.legendtext')).toHaveText(['genome', 'best so far']);
  await expect(page.getByTestId('train-accuracy-plot').locator('.scatterlayer .trace')).toHaveCount(
    3,
  );
  await expect(page.getByTestId('train-heatmap').locator('.hm, image')).not.toHaveCount(0);
  await expect(page.getByTestId('train-apply')).toBeEnabled();
  await page.getByTestId('train-apply').click();
  await expect(page.getByTestId('train-notice')).toContainText('Trained weights applied');
  const after = await projections(page);
  expect(after.map((p) => p.weight.kind)).toEqual(['explicit', 'explicit']);
  // Every evolved weight lies within the bound.
  expect(after.flatMap((p) => p.weight.values ?? []).every((w) => Math.abs(w) <= 2)).toBe(true);
});
