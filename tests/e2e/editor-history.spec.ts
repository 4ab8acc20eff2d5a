import { expect, test } from '@playwright/test';
import {
  dragFromPalette,
  node,
  nodeIds,
  openEmpty,
  openFresh,
  selectNode,
  setField,
} from './helpers.ts';

test('undo and redo with the keyboard and the header buttons', async ({ page }) => {
  await openEmpty(page);
  const a = await dragFromPalette(page, 'stochastic_lif', { x: 200, y: 150 });
  const b = await dragFromPalette(page, 'poisson', { x: 500, y: 150 });
  expect(await nodeIds(page)).toEqual([a, b]);

  await page.keyboard.press('Control+z');
  await expect.poll(() => nodeIds(page)).toEqual([a]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => nodeIds(page)).toEqual([a, b]);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect.poll(() => nodeIds(page)).toEqual([a, b]);

  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect.poll(() => nodeIds(page)).toEqual([]);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo new network \(Ctrl\+Z\)/);
  await page.getByTestId('redo').click();
  await expect.poll(() => nodeIds(page)).toEqual([a]);
  await expect(page.getByTestId('redo')).toHaveAttribute(
    'title',
    'Redo add population (Ctrl+Shift+Z)',
  );
});

test('typing a value is one undo step; undo restores the field and the node', async ({ page }) => {
  await openFresh(page);
  await selectNode(page, 'input');
  await setField(page, 'rate', '35');
  await expect(node(page, 'input')).toContainText('35 Hz');
  await page.getByTestId('field-rate').blur();
  await page.keyboard.press('Control+z');
  await expect(node(page, 'input')).toContainText('20 Hz');
  await expect(page.getByTestId('field-rate')).toHaveValue('20');
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'input')).toContainText('35 Hz');
});

test('Ctrl+Z inside a text field is left to the field', async ({ page }) => {
  await openFresh(page);
  await selectNode(page, 'exc');
  const before = await nodeIds(page);
  await page.getByTestId('field-size').focus();
  await page.keyboard.press('Control+z');
  // The document's history was not touched: the example is still loaded, not undone.
  expect(await nodeIds(page)).toEqual(before);
});
