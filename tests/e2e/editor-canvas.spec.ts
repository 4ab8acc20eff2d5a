import { expect, test } from '@playwright/test';
import {
  connect,
  dragFromPalette,
  node,
  nodeIds,
  openEmpty,
  openFresh,
  selectNode,
} from './helpers.ts';

test('opens with the default example network ready to run', async ({ page }) => {
  await openFresh(page);
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);
  await expect(node(page, 'exc')).toContainText('Excitatory');
  await expect(node(page, 'exc')).toContainText('80 neurons');
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('p=0.1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
});

test('drags populations from the palette and connects them, self-projection included', async ({
  page,
}) => {
  await openEmpty(page);
  const source = await dragFromPalette(page, 'poisson', { x: 150, y: 200 });
  const lif = await dragFromPalette(page, 'stochastic_lif', { x: 500, y: 200 });
  expect(source).toBe('poisson');
  expect(lif).toBe('stochastic_lif');
  await expect(node(page, lif)).toContainText('LIF');
  await expect(node(page, lif)).toContainText('100 neurons');
  // The dropped node is selected and shown in the inspector.
  await expect(page.getByTestId('population-inspector')).toContainText('Stochastic LIF');

  // The node lands where it was dropped: its centre is near the drop point.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const box = await node(page, lif).boundingBox();
  expect(pane).not.toBeNull();
  expect(box).not.toBeNull();
  if (pane !== null && box !== null) {
    expect(Math.abs(box.x + box.width / 2 - (pane.x + 500))).toBeLessThan(40);
  }

  await connect(page, source, lif);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  const edgeLabel = page.locator('[data-testid^="edge-label-"]').first();
  await expect(edgeLabel).toContainText('p=0.1');
  await expect(page.getByTestId('projection-inspector')).toContainText('poisson → stochastic_lif');

  await connect(page, lif, lif);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('projection-inspector')).toContainText(
    'stochastic_lif → stochastic_lif',
  );
  // Drawn as a loop: the path rises above the node instead of crossing it.
  const loopPath = page.locator('.react-flow__edge path.proj-edge').nth(1);
  const loopBox = await loopPath.boundingBox();
  const nodeBox = await node(page, lif).boundingBox();
  if (loopBox === null || nodeBox === null) throw new Error('loop or node not visible');
  expect(loopBox.y).toBeLessThan(nodeBox.y - 30);
});

test('a source population offers no input handle', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('handle-target-exc')).toBeVisible();
  await expect(page.getByTestId('handle-target-input')).toHaveCount(0);
});

test('selects several nodes with Shift and deletes them with their projections', async ({
  page,
}) => {
  await openFresh(page);
  await selectNode(page, 'exc');
  await selectNode(page, 'inh', { add: true });
  await expect(page.getByTestId('multi-inspector')).toContainText('2 populations');
  await page.keyboard.press('Delete');
  expect(await nodeIds(page)).toEqual(['input']);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  // One undo brings back both populations and all six projections.
  await page.keyboard.press('Control+z');
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
});

test('duplicates, copies and pastes with fresh ids', async ({ page }) => {
  await openFresh(page);
  await selectNode(page, 'exc');
  await page.keyboard.press('Control+d');
  await expect.poll(() => nodeIds(page)).toEqual(['input', 'exc', 'inh', 'exc_2']);
  // The copy keeps its own recurrent loop.
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await selectNode(page, 'inh');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(() => nodeIds(page)).toEqual(['input', 'exc', 'inh', 'exc_2', 'inh_2']);
  await expect(page.getByTestId('population-inspector')).toContainText('inh_2');
});

test('dragging a node moves it, and one undo puts it back', async ({ page }) => {
  await openFresh(page);
  const header = node(page, 'input').locator('.pop-node-head');
  const start = await header.boundingBox();
  if (start === null) throw new Error('node not visible');
  await page.mouse.move(start.x + 20, start.y + 8);
  await page.mouse.down();
  await page.mouse.move(start.x + 80, start.y + 60, { steps: 10 });
  await page.mouse.move(start.x + 140, start.y + 108, { steps: 10 });
  await page.mouse.up();
  const moved = await header.boundingBox();
  expect(moved?.x).toBeGreaterThan(start.x + 100);
  await page.getByTestId('undo').click();
  await expect.poll(async () => (await header.boundingBox())?.x).toBeCloseTo(start.x, 0);
});

test('fit to view brings the network back after panning away', async ({ page }) => {
  await openFresh(page);
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (box === null) throw new Error('pane not visible');
  // Below the 2D | 3D | Split switch in the canvas's top-left corner, where a press is not a pan.
  await page.mouse.move(box.x + 20, box.y + 70);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 10, box.y + box.height - 10, { steps: 10 });
  await page.mouse.up();
  await page.mouse.move(box.x + 20, box.y + 70);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 10, box.y + box.height - 10, { steps: 10 });
  await page.mouse.up();
  await expect(node(page, 'input')).not.toBeInViewport();
  await page.keyboard.press('f');
  await expect(node(page, 'input')).toBeInViewport();
  await expect(node(page, 'inh')).toBeInViewport();
});
