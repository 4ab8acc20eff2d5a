/**
 * The Sweep tab as a user runs it: choose a parameter, a range and a population, run the sweep
 * in the page (every variant in one batch, in the sweep worker), and compare its points with
 * single runs of two variants by the engine here, with the same seed; cancel a long sweep; the
 * settings are remembered.
 */
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { runToEnd } from '../../src/engine/run-to-end.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { writeParam } from '../../src/model/param-path.ts';
import defaultExample from '../../public/examples/default.json' with { type: 'json' };
import { waitReady } from './helpers.ts';

const PATH = 'projections/input_exc/weight/value';
const VALUES = [0.5, 1.5, 2.5, 3.5];

/** The default example shortened to 40 ms, so four variants run in a few seconds anywhere. */
const DOC = writeParam(defaultExample as unknown as NetworkDocument, 'run/duration', 40);

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations inside the Sweep panel, one line each. */
async function panelViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<unknown> } })
      .axe;
    const panel = document.querySelector('[data-testid="sweep-panel"]');
    if (!panel) return ['no sweep panel'];
    const result = (await axe.run(panel, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help}`);
  });
}

async function singleRunSpikes(doc: NetworkDocument, population: string): Promise<number> {
  const sim = await createSimulation(doc, { backend: 'reference' });
  try {
    return (await runToEnd(sim, 1000)).spikes[population]?.steps.length ?? -1;
  } finally {
    sim.dispose();
  }
}

test('a sweep in the page equals single runs with the same seed; cancel; settings kept', async ({
  page,
}) => {
  // SwiftShader compiles the batch's four call lengths (64, 16, 4, 1 steps) before it runs
  // (WebGPU: measured 25 s for the whole test on a loaded machine; WebGL2 compiles slower).
  test.setTimeout(150_000);
  await page.goto('/examples/index.json');
  await page.evaluate((doc) => {
    window.localStorage.clear();
    window.localStorage.setItem('spikelab.autosave', JSON.stringify(doc));
  }, DOC);
  await page.goto('/');
  await waitReady(page);
  await page.getByTestId('tab-sweep').click();
  const panel = page.getByTestId('sweep-panel');
  await expect(panel).toBeVisible();

  await page.getByTestId('sweep-param').selectOption(PATH);
  await page.getByTestId('sweep-from').fill(String(VALUES[0]));
  await page.getByTestId('sweep-to').fill(String(VALUES.at(-1)));
  await page.getByTestId('sweep-count').fill(String(VALUES.length));
  await page.getByTestId('sweep-population').selectOption('exc');
  await page.getByTestId('sweep-backend').selectOption('webgpu');
  await page.getByTestId('sweep-run').click();

  await expect(page.getByTestId('sweep-table')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('sweep-summary')).toContainText(
    '4 variants in one batch on gpu:webgpu',
  );
  const rows = page.locator('[data-testid^="sweep-point-"]');
  await expect(rows).toHaveCount(VALUES.length);
  const points = await rows.evaluateAll((els) =>
    els.map((el) => ({
      value: Number(el.getAttribute('data-value')),
      spikes: Number(el.getAttribute('data-spikes')),
    })),
  );
  expect(points.map((p) => p.value)).toEqual(VALUES);
  // The weight reaches the network: more input, more spikes.
  expect(points[3]?.spikes ?? 0).toBeGreaterThan(points[0]?.spikes ?? 0);
  // Variants 0 and 3 alone, by the engine in Node (reference; the gpu backend is exact to it).
  for (const k of [0, 3]) {
    const alone = await singleRunSpikes(writeParam(DOC, PATH, VALUES[k] ?? 0), 'exc');
    expect(points[k]?.spikes, `variant ${k}`).toBe(alone);
  }
  await expect(page.getByTestId('sweep-rasters').locator('canvas')).toHaveCount(VALUES.length);
  await expect(page.getByTestId('sweep-curve').locator('.scatterlayer .trace')).toHaveCount(1);
  expect(await panelViolations(page), 'axe, Sweep panel with results').toEqual([]);

  // A long sweep (64 variants on the reference backend) is cancelled while it runs.
  await page.getByTestId('sweep-count').fill('64');
  await page.getByTestId('sweep-backend').selectOption('reference');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-cancel')).toBeVisible();
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-message')).toHaveText('Sweep cancelled.', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('sweep-run')).toBeEnabled();

  const saved = await page.evaluate(() => window.localStorage.getItem('spikelab.sweep'));
  expect(JSON.parse(saved ?? '{}')).toMatchObject({
    path: PATH,
    count: 64,
    population: 'exc',
    backend: 'reference',
  });
});
