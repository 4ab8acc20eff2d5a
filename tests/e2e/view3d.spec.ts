import { expect, test, type Page } from '@playwright/test';
import { node, savedDocument, waitReady } from './helpers.ts';
import { countColoredPixels, run } from './run-helpers.ts';

// A spike's flash (neuron-cloud.ts FLASH, #fff3c4, lit to near white): no resting neuron is this
// light.
const FLASH_RGB: [number, number, number] = [245, 245, 225];

interface SavedProbe {
  id: string;
  kind: string;
  population?: string;
  variable?: string;
  neurons?: number[];
}

async function vProbeNeurons(page: Page, population: string): Promise<number[]> {
  const doc = (await savedDocument(page)) as { probes: SavedProbe[] };
  return doc.probes
    .filter((p) => p.kind === 'state' && p.population === population && p.variable === 'v')
    .flatMap((p) => p.neurons ?? []);
}

test('3D view: neurons flash when they spike, a click records a neuron, selection is shared', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/examples/index.json');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('/?test=1');
  await waitReady(page);
  await page.getByTestId('canvas-view-split').click();
  const view = page.getByTestId('view3d');
  await expect(view.locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(() => window.__spikelab3d?.info().frames ?? 0))
    .toBeGreaterThan(0);
  await expect(page.getByTestId('view3d-info')).toHaveText(/^200 neurons/);

  // Selecting in 2D highlights in 3D (the layout panel names the population).
  await node(page, 'inh').click();
  await expect(page.getByTestId('view3d-layout')).toContainText('3D layout of Inhibitory');

  // Before the run nothing is lit; while it runs, flashes light up the canvas. The overlays'
  // light text is hidden so the screenshots hold only what WebGL drew.
  const canvas = view.locator('canvas');
  await page.addStyleTag({ content: '.view3d-toolbar, .view3d-layout { visibility: hidden; }' });
  expect(await countColoredPixels(page, canvas, FLASH_RGB, 60)).toBe(0);
  await page.getByTestId('duration-input').fill('100000');
  await page.getByTestId('duration-input').press('Enter');
  // At real time the run lasts through the screenshots; at full speed it could end before.
  await page.getByTestId('speed-select').selectOption('1');
  await run(page);
  await expect
    .poll(() => countColoredPixels(page, canvas, FLASH_RGB, 60), { timeout: 30_000 })
    .toBeGreaterThan(30);

  // Click the front corner neuron of exc: the population is selected in 2D and the neuron's
  // membrane potential is recorded (one undo takes it back).
  const before = await vProbeNeurons(page, 'exc');
  const size = await page.evaluate(() => window.__spikelab3d?.info().sizes.exc ?? 0);
  const at = await page.evaluate(
    (i) => window.__spikelab3d?.neuronScreenPosition('exc', i) ?? null,
    size - 1,
  );
  expect(at).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await expect(page.getByTestId('toast').last()).toHaveText(
    /Recording the membrane potential of Excitatory neuron \d+/,
  );
  const clicked = Number(
    /neuron (\d+)/.exec((await page.getByTestId('toast').last().textContent()) ?? '')![1],
  );
  await expect(node(page, 'exc')).toHaveClass(/selected/);
  expect(await vProbeNeurons(page, 'exc')).toEqual([...before, clicked]);
  await page.keyboard.press('Control+z');
  expect(await vProbeNeurons(page, 'exc')).toEqual(before);
});
