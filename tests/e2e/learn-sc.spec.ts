/**
 * The stochastic-computing lesson, driven as a student would: through the header's Learn
 * button, step by step with the Next links, moving sliders found by their labels. Checks what
 * the page shows against what it should: the estimate approaching x w, the drawn bits against
 * the shown counts and the AND rule, the log-log slope, the rasters; and that the lab's network
 * is untouched on return. Screenshots of every step go to test-results/learn-sc/.
 */
import { expect, test, type Page } from '@playwright/test';
import { nodeIds, openFresh, waitReady } from './helpers.ts';

const SHOTS = 'test-results/learn-sc';

async function number(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(text.replace('−', '-').replace(/[^0-9.+-]/g, ''));
}

function slider(page: Page, name: string) {
  return page.getByRole('slider', { name, exact: true });
}

async function next(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: `Next: ${title} →` }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** The 0/1 cells drawn for one stream, in bit order. */
async function drawnBits(page: Page, stream: string): Promise<number[]> {
  return page
    .locator(`.bit-row[data-stream="${stream}"] .bit`)
    .evaluateAll((cells) => cells.map((c) => (c.classList.contains('bit-1') ? 1 : 0)));
}

/** Points plotly drew in the figure with this test id. */
async function plottedPoints(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).locator('.scatterlayer .point').count();
}

test('a student walks the SC lesson and returns to an untouched lab', async ({ page }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  await page.getByTestId('network-name').fill('My SC net');
  await page.getByTestId('network-name').press('Enter');
  const labNodes = await nodeIds(page);
  expect(labNodes.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await expect(page).toHaveURL(/#\/learn\/sc$/);

  // Step 1: the LIF neuron.
  await expect(page.getByRole('heading', { level: 2, name: 'A spiking neuron' })).toBeVisible();
  await expect(page.getByTestId('lif-rate')).toHaveText('50.0 Hz');
  await expect(page.getByTestId('lif-predicted')).toHaveText('51.0 Hz');
  await expect.poll(() => plottedPoints(page, 'lif-plot')).toBe(10);
  await page.screenshot({ path: `${SHOTS}/step-1.png` });
  await slider(page, 'Input current I').fill('0.04');
  await expect(page.getByTestId('lif-spikes')).toHaveText('0');
  await slider(page, 'Input current I').fill('0.08');

  // Step 2: bitstreams and the AND gate.
  await next(page, 'Bitstreams and the AND gate');
  await expect(page.getByTestId('and-exact')).toHaveText('0.3000');
  const tutorialEstimate = await number(page, 'and-estimate');
  expect(Math.abs(tutorialEstimate - 0.3)).toBeLessThan(0.05);

  await slider(page, 'Value x').fill('0.8');
  await slider(page, 'Weight w').fill('0.3');
  await expect(page.getByTestId('and-exact')).toHaveText('0.2400');
  await slider(page, 'Stream length L').fill('6');
  await expect(page.getByTestId('bits-shown')).toHaveText('64');
  const shortEstimate = await number(page, 'and-estimate');
  expect(shortEstimate).not.toBe(tutorialEstimate);

  // The drawn cells are the counts shown, and the AND row is the AND of the rows above.
  const pre = await drawnBits(page, 'pre');
  const weight = await drawnBits(page, 'weight');
  const product = await drawnBits(page, 'product');
  expect(pre.length).toBe(64);
  const sum = (bits: number[]) => bits.reduce((a, b) => a + b, 0);
  expect(sum(pre)).toBe(await number(page, 'bits-ones-pre'));
  expect(sum(weight)).toBe(await number(page, 'bits-ones-weight'));
  expect(sum(product)).toBe(await number(page, 'bits-ones-product'));
  expect(product).toEqual(pre.map((b, i) => b & (weight[i] as number)));
  // With L = 64 every bit is drawn, so the estimate is the drawn count over 64.
  expect(shortEstimate).toBeCloseTo(sum(product) / 64, 4);

  // Keyboard: End takes the length slider to 65,536 bits; the estimate approaches x w.
  await slider(page, 'Stream length L').focus();
  await page.keyboard.press('End');
  await expect(slider(page, 'Stream length L')).toHaveAttribute('aria-valuetext', '65,536 bits');
  await expect(page.getByTestId('bits-shown')).toHaveText('128');
  // 4 binomial standard errors of 0.24 at L = 65536: 0.0067.
  expect(Math.abs((await number(page, 'and-estimate')) - 0.24)).toBeLessThan(0.0067);
  await slider(page, 'Weight w').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('and-exact')).toHaveText('0.2480');

  // Correlated streams: SCC +1 and AND gives min(x, w) = 0.31, not 0.248.
  await page.getByLabel('Correlated streams (one random source for both)').check();
  await expect(page.getByTestId('and-scc')).toHaveText('+1.00');
  expect(Math.abs((await number(page, 'and-estimate')) - 0.31)).toBeLessThan(0.01);
  await page.screenshot({ path: `${SHOTS}/step-2-correlated.png` });
  await page.getByLabel('Correlated streams (one random source for both)').uncheck();
  await page.getByRole('radio', { name: 'Sobol' }).check();
  expect(Math.abs(await number(page, 'and-error'))).toBeLessThan(0.001);
  await page.getByRole('radio', { name: 'Bernoulli' }).check();
  await slider(page, 'Value x').fill('0.6');
  await slider(page, 'Weight w').fill('0.5');
  await slider(page, 'Stream length L').fill('12');
  await expect(page.getByTestId('and-estimate')).toHaveText(tutorialEstimate.toFixed(4));
  await expect
    .poll(() => page.getByTestId('and-convergence-plot').locator('.scatterlayer .trace').count())
    .toBe(4);
  await page.screenshot({ path: `${SHOTS}/step-2.png` });

  // Step 3: error against length on log-log axes.
  await next(page, 'Error against length');
  await expect(page.getByRole('progressbar', { name: 'Error sweep progress' })).toBeVisible();
  await expect(page.getByTestId('slope-bernoulli')).not.toHaveText('measuring…', {
    timeout: 60_000,
  });
  const bernoulli = await number(page, 'slope-bernoulli');
  expect(Math.abs(bernoulli)).toBeGreaterThanOrEqual(0.45);
  expect(Math.abs(bernoulli)).toBeLessThanOrEqual(0.55);
  await expect(page.getByTestId('slope-sobol')).not.toHaveText('measuring…', { timeout: 90_000 });
  expect(await number(page, 'slope-sobol')).toBeLessThan(-0.8);
  await expect(page.getByText('Sweep complete.')).toBeVisible();
  const axes = await page.getByTestId('error-plot').evaluate((el) => {
    const layout = (
      el as unknown as { _fullLayout: { xaxis: { type: string }; yaxis: { type: string } } }
    )._fullLayout;
    return [layout.xaxis.type, layout.yaxis.type];
  });
  expect(axes).toEqual(['log', 'log']);
  // Fourteen lengths (8 .. 65536) for each of the three generators.
  await expect.poll(() => plottedPoints(page, 'error-plot')).toBe(42);
  await page.screenshot({ path: `${SHOTS}/step-3.png` });

  // Step 4: the current source.
  await next(page, 'A current from many synapses');
  await expect(page.getByTestId('current-exact')).toHaveText('0.0890');
  const full = await number(page, 'current-full');
  expect(Math.abs(full - 0.089)).toBeLessThan(0.005);
  await slider(page, 'Input x1').fill('1');
  await expect(page.getByTestId('current-exact')).toHaveText('0.1190');
  await slider(page, 'Input x1').fill('0.5');
  await page.screenshot({ path: `${SHOTS}/step-4.png` });

  // Step 5: the dense layer's raster.
  await next(page, 'A dense layer');
  await expect.poll(() => plottedPoints(page, 'layer-raster')).toBeGreaterThan(300);
  expect(await number(page, 'layer-mean')).toBeGreaterThan(150);
  expect(await number(page, 'layer-spread')).toBeLessThan(5);
  await page.screenshot({ path: `${SHOTS}/step-5.png` });
  await slider(page, 'Membrane noise σ').fill('0');
  await expect(page.getByTestId('layer-spread')).toHaveText('0.0%');
  await slider(page, 'Membrane noise σ').fill('0.02');

  // Step 6: two layers; the tutorial's x_max cuts every layer 2 input off at 1.
  await next(page, 'Two layers');
  await expect(page.getByTestId('l2-clamped')).toHaveText('4 of 4');
  await expect.poll(() => plottedPoints(page, 'l2-raster')).toBeGreaterThan(100);
  await page.screenshot({ path: `${SHOTS}/step-6.png` });
  await slider(page, 'Layer 2 input range x_max').fill('0.5');
  await expect(page.getByTestId('l2-clamped')).toHaveText('0 of 4');

  // Step 7: measured against predicted.
  await next(page, 'Checking against theory');
  await expect(page.getByTestId('check-predicted')).toHaveText('51.0 Hz');
  await expect(page.getByTestId('check-measured')).toHaveText('50.0 Hz');
  expect(await number(page, 'check-error')).toBeLessThan(2);
  // The tutorial's ISI check: every interval is 20 steps, just above T = 19.62 ms.
  await expect(page.getByTestId('check-isi-peak')).toHaveText('20.00 ms');
  await page.screenshot({ path: `${SHOTS}/step-7.png` });

  // Back to the lab: the same network, name and all.
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await waitReady(page);
  expect(page.url()).not.toContain('#');
  expect(await nodeIds(page)).toEqual(labNodes);
  await expect(page.getByTestId('network-name')).toHaveValue('My SC net');
  // Learn reopens the step last visited.
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await expect(page).toHaveURL(/#\/learn\/sc\/7$/);
  await expect(slider(page, 'Input current I')).toHaveValue('0.08');
});

test('a link opens a step directly; the step list and Back navigate', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('network-name').fill('Edited');
  await page.getByTestId('network-name').press('Enter');
  await page.goto('/#/learn/sc/5');
  await expect(page.getByRole('heading', { level: 2, name: 'A dense layer' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Stochastic computing steps' });
  await expect(steps.getByRole('link', { name: /A dense layer/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await steps.getByRole('link', { name: /Bitstreams and the AND gate/ }).click();
  await expect(page).toHaveURL(/#\/learn\/sc\/2$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Bitstreams and the AND gate' }),
  ).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'A dense layer' })).toBeVisible();
  // Settings survive moving between steps.
  await slider(page, 'Neurons').fill('8');
  await steps.getByRole('link', { name: /A spiking neuron/ }).click();
  await steps.getByRole('link', { name: /A dense layer/ }).click();
  await expect(slider(page, 'Neurons')).toHaveValue('8');
  // The lab's undo key stays in the lab: Ctrl+Z here leaves the renamed network alone...
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await expect(page.getByTestId('network-name')).toHaveValue('Edited');
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);
  // ...while in the lab it undoes the rename.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 70 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('network-name')).not.toHaveValue('Edited');
});
