/**
 * The user's own data on the canvas: a CSV spike train dropped on an empty network opens the
 * import dialog, which says what it parsed; Import adds a spike generator at the drop point as
 * one undoable edit, and a run plays exactly the file's spikes. A file with bad rows lists them
 * by line and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { node, nodeIds, openEmpty, savedDocument } from './helpers.ts';
import { rasterPoints, run } from './run-helpers.ts';

/** Drops a file with `text` on the canvas pane at (x, y) in the viewport. */
async function dropFile(page: Page, name: string, text: string, x = 500, y = 350): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'text/csv' }));
      return transfer;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('.react-flow__pane', 'drop', { dataTransfer, clientX: x, clientY: y });
}

// Six spikes of neurons 0..2 within the first 40 ms, with a header, a comment and a blank line.
const SPIKES = 'time,index\n# recorded\n2,0\n5.5,2\n\n9,1\n20,0\n21,2\n33.3,1\n';

test('a CSV spike train dropped on the canvas becomes a generator that plays it', async ({
  page,
}) => {
  await openEmpty(page);

  await dropFile(page, 'bad.csv', 'time,index\n5,0\n3,1\n7,-1\n');
  const dialog = page.getByTestId('data-import-dialog');
  await expect(dialog.getByTestId('data-problems')).toContainText(
    "line 3: time 3 comes before the previous spike's 5 (times out of order)",
  );
  await expect(dialog.getByTestId('data-problems')).toContainText('line 4: index -1 is negative');
  await expect(dialog.getByTestId('data-import')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await nodeIds(page)).toEqual([]);

  await dropFile(page, 'recorded.csv', SPIKES);
  await expect(dialog.getByTestId('data-summary')).toContainText(
    'As a spike train: 6 spikes of 3 neurons, the last at 33.3 ms.',
  );
  await expect(dialog.getByTestId('data-kind-spikes')).toBeChecked();
  await dialog.getByTestId('data-import').click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'recorded')).toBeVisible();

  const doc = (await savedDocument(page)) as {
    populations: { id: string; model: string; size: number; params: unknown }[];
  };
  expect(doc.populations).toEqual([
    expect.objectContaining({
      id: 'recorded',
      model: 'spike_generator',
      size: 3,
      params: { times: [2, 5.5, 9, 20, 21, 33.3], indices: [0, 2, 1, 0, 2, 1], period: 0 },
    }),
  ]);

  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText(/finished/, { timeout: 30_000 });
  await expect.poll(async () => (await rasterPoints(page))['recorded.csv'] ?? 0).toBe(6);

  // The raster as SVG beside PNG (plotly's vector export).
  const card = page.locator('.plot-card', { has: page.getByTestId('raster-plot') });
  const download = page.waitForEvent('download');
  await card.getByTestId('plot-svg').click();
  const svg = await download;
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const path = await svg.path();
  expect(readFileSync(path, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

  // One undoable edit: Undo removes the population and its probe together.
  await page.getByTestId('undo').click();
  expect(await nodeIds(page)).toEqual([]);
});
