import { expect, test, type Page } from '@playwright/test';
import {
  connect,
  dragFromPalette,
  node,
  openEmpty,
  savedDocument,
  selectNode,
  setField,
  waitReady,
} from './helpers.ts';
import { rasterPoints, run } from './run-helpers.ts';

// The run streams for a few seconds on a shared machine: give the test room.
test.describe.configure({ timeout: 120_000 });

interface SavedLayer {
  id: string;
  model: string;
  params: {
    inputs: { kind: string; values?: number[]; source?: string; tau?: number };
    weights: number[];
    x_max: number;
  };
}

async function savedLayer(page: Page, id: string): Promise<SavedLayer | undefined> {
  const doc = (await savedDocument(page)) as { populations: SavedLayer[]; projections: unknown[] };
  return doc.populations.find((p) => p.id === id);
}

/** Weight cells shown by the inspector's weights editor. */
function weightCells(page: Page) {
  return page.locator('[data-testid^="field-sc-weight-"]');
}

test('two SC dense layers: wire layer 1 rates into layer 2, undo, edit, run both', async ({
  page,
}) => {
  await openEmpty(page);
  const layer1 = await dragFromPalette(page, 'sc_dense', { x: 220, y: 220 });
  const layer2 = await dragFromPalette(page, 'sc_dense', { x: 620, y: 220 });
  expect([layer1, layer2]).toEqual(['sc_dense', 'sc_dense_2']);
  // The tutorial's section 4 layer: 4 neurons, 8 constant inputs, 2048-bit streams.
  await expect(node(page, layer1)).toContainText('SC dense');
  await expect(node(page, layer1)).toContainText('4 neurons');
  await expect(node(page, layer1)).toContainText('8 inputs · L 2048');
  await expect(page.getByTestId('population-inspector')).toContainText('SC dense layer');
  await expect(page.getByTestId('field-sc-inputs-kind')).toHaveValue('constant');
  await expect(page.getByTestId('field-sc-values')).toHaveValue(
    '0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8',
  );
  await expect(weightCells(page)).toHaveCount(8);

  // Dragging layer 1's output onto layer 2's input feeds rates: no projection is made.
  await connect(page, layer1, layer2);
  const ratesLabel = page.getByTestId(`edge-label-rates:${layer2}`);
  await expect(ratesLabel).toContainText('rates');
  await expect(ratesLabel).toContainText('τ100');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge path.rates-edge')).toHaveCount(1);
  await expect(node(page, layer2)).toContainText(`rates of ${layer1}`);
  await expect(page.getByTestId('population-inspector')).toContainText(layer2);
  await expect(page.getByTestId('field-sc-inputs-kind')).toHaveValue('rates');
  await expect(page.getByTestId('field-sc-source')).toHaveValue(layer1);
  await expect(weightCells(page)).toHaveCount(4);
  const wired = await savedLayer(page, layer2);
  expect(wired?.params.inputs).toEqual({ kind: 'rates', source: layer1, tau: 100 });
  expect(wired?.params.weights).toEqual([0.5, 0.6, 0.4, 0.3]);
  expect(((await savedDocument(page)) as { projections: unknown[] }).projections).toEqual([]);

  // One undo puts back the constant inputs and all 8 weights; redo wires it again.
  await page.keyboard.press('Control+z');
  await expect(node(page, layer2)).toContainText('8 inputs');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await selectNode(page, layer2);
  await expect(page.getByTestId('field-sc-inputs-kind')).toHaveValue('constant');
  await expect(weightCells(page)).toHaveCount(8);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, layer2)).toContainText(`rates of ${layer1}`);
  await expect(weightCells(page)).toHaveCount(4);

  // Edit one weight; a bad entry is explained and not written.
  await setField(page, 'sc-weight-0', '0.9');
  await setField(page, 'sc-weight-1', '0.8x');
  await expect(page.getByTestId('error-sc-weights')).toContainText('Weight 2');
  await expect(page.getByTestId('error-sc-weights')).toContainText('not a number');
  await page.getByTestId('field-sc-weight-1').press('Escape');
  await expect(page.getByTestId('error-sc-weights')).toHaveCount(0);
  // Layer 1's rates are in spikes per ms: the tutorial maps [0, 0.1] onto the bitstreams.
  await setField(page, 'x_max', '0.1');
  const edited = await savedLayer(page, layer2);
  expect(edited?.params.weights).toEqual([0.9, 0.6, 0.4, 0.3]);
  expect(edited?.params.x_max).toBe(0.1);

  // The rates edge is selectable: its inspector, then Delete gives constant values again.
  await ratesLabel.click();
  await expect(page.getByTestId('rates-inspector')).toContainText(`${layer1} → ${layer2}`);
  await expect(weightCells(page)).toHaveCount(4);
  await page.screenshot({ path: 'test-results/editor-sc-dense/rates-inspector.png' });
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(node(page, layer2)).toContainText('4 inputs');
  const cut = await savedLayer(page, layer2);
  expect(cut?.params.inputs).toEqual({ kind: 'constant', values: [0.05, 0.05, 0.05, 0.05] });
  expect(cut?.params.weights).toEqual([0.9, 0.6, 0.4, 0.3]);
  await page.keyboard.press('Control+z');
  await expect(node(page, layer2)).toContainText(`rates of ${layer1}`);

  await page.screenshot({ path: 'test-results/editor-sc-dense/wired.png' });

  // Run on the reference backend for 500 ms, as the tutorial does: both layers spike.
  await page.getByTestId('backend-select').selectOption('reference');
  await page.getByTestId('duration-input').fill('500');
  await page.getByTestId('duration-input').press('Enter');
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await expect(page.getByTestId('run-backend')).toHaveText('reference');
  await expect
    .poll(async () => Object.keys(await rasterPoints(page)).sort())
    .toEqual([layer1, layer2].sort());
  const points = await rasterPoints(page);
  expect(points[layer1]).toBeGreaterThan(0);
  expect(points[layer2]).toBeGreaterThan(0);
  await selectNode(page, layer2);
  await page.screenshot({ path: 'test-results/editor-sc-dense/after-run.png' });
});

test('a projection cannot end on an SC layer; its output is an ordinary projection', async ({
  page,
}) => {
  await openEmpty(page);
  const lif = await dragFromPalette(page, 'stochastic_lif', { x: 220, y: 160 });
  const layer = await dragFromPalette(page, 'sc_dense', { x: 620, y: 160 });
  // A source larger than a layer's channel limit is refused, with the model's reason.
  await selectNode(page, lif);
  await setField(page, 'size', '5000');
  await connect(page, lif, layer);
  await expect(page.getByTestId('toast')).toContainText('at most 4096');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(node(page, layer)).toContainText('8 inputs');
  await selectNode(page, lif);
  await setField(page, 'size', '100');
  // A LIF population wired into the layer: its 100 neurons become 100 rates channels.
  await connect(page, lif, layer);
  await expect(page.getByTestId(`edge-label-rates:${layer}`)).toBeVisible();
  await expect(weightCells(page)).toHaveCount(100);
  await page.screenshot({ path: 'test-results/editor-sc-dense/hundred-weights.png' });
  // Resizing the source resizes the layer's weights in the same edit.
  await selectNode(page, lif);
  await setField(page, 'size', '12');
  await selectNode(page, layer);
  await expect(weightCells(page)).toHaveCount(12);
  // Out of the layer: a projection with its usual label.
  await connect(page, layer, lif);
  await expect(page.getByTestId('projection-inspector')).toContainText(`${layer} → ${lif}`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  const doc = (await savedDocument(page)) as {
    projections: { source: string; target: string }[];
  };
  expect(doc.projections.map((p) => [p.source, p.target])).toEqual([[layer, lif]]);
  // The autosave keeps the rates input across a reload.
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId(`edge-label-rates:${layer}`)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(node(page, layer)).toContainText(`rates of ${lif}`);
  // Deleting the source population leaves the layer with constant inputs, still valid.
  await selectNode(page, lif);
  await page.keyboard.press('Delete');
  await expect(node(page, layer)).toContainText('12 inputs');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});
