/**
 * Small helpers that drive the editor the way a user does: drag from the palette, connect
 * handles, click nodes, type into inspector fields.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens the page with no autosave (the default example loads) and waits until it is ready.
 * The storage is cleared from a small static file of the same origin rather than from a first
 * load of the app: a page load costs seconds on the dev server, and every spec starts here.
 */
export async function openFresh(page: Page): Promise<void> {
  await page.goto('/examples/index.json');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('/');
  await waitReady(page);
}

/** Waits until the startup network is loaded. */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
}

/** Opens a fresh page and replaces the example with an empty network. */
export async function openEmpty(page: Page): Promise<void> {
  await openFresh(page);
  await page.getByTestId('file-new').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

/** Ids of the population nodes on the canvas, in document order. */
export async function nodeIds(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
}

/** A node on the canvas by population id. */
export function node(page: Page, id: string): Locator {
  return page.getByTestId(`node-${id}`);
}

/**
 * Drags `model` from the palette onto the canvas at `at` (pixels from the canvas's top-left)
 * and returns the id of the population it created.
 */
export async function dragFromPalette(
  page: Page,
  model: string,
  at: { x: number; y: number },
): Promise<string> {
  const before = await nodeIds(page);
  await page
    .getByTestId(`palette-item-${model}`)
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
  const after = await nodeIds(page);
  const added = after.find((id) => !before.includes(id));
  if (added === undefined) throw new Error(`no population appeared after dragging ${model}`);
  return added;
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from `fromId`'s output handle to `toId`'s input handle (the same node for a loop). */
export async function connect(page: Page, fromId: string, toId: string): Promise<void> {
  const from = await center(page.getByTestId(`handle-source-${fromId}`));
  const to = await center(page.getByTestId(`handle-target-${toId}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Several steps, so React Flow sees a drag and finds the handle under the pointer.
  await page.mouse.move((from.x + to.x) / 2, Math.min(from.y, to.y) - 60, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Clicks a node's header; with `add`, Shift-clicks to add it to the selection. */
export async function selectNode(page: Page, id: string, options: { add?: boolean } = {}) {
  const header = node(page, id).locator('.pop-node-head');
  await header.click(options.add === true ? { modifiers: ['Shift'] } : {});
}

/** Types `value` into the inspector field `field-<name>`, replacing what was there. */
export async function setField(page: Page, name: string, value: string): Promise<void> {
  const input = page.getByTestId(`field-${name}`);
  await input.fill(value);
}

/** The document as the page holds it, read back from the autosave the page writes. */
export async function savedDocument(page: Page): Promise<unknown> {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const text = await page.evaluate(() => window.localStorage.getItem('spikelab.autosave'));
  return text === null ? null : (JSON.parse(text) as unknown);
}
