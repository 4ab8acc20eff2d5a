/**
 * A scripted student plays "Your first spiking neuron" in the lab: each step's check fails
 * (Next disabled, the reason shown) until the work is done, passes after it, and the progress
 * strip advances; the drawer's slider edits the network through undo; a reload keeps the
 * progress and the student's network; the Learn list offers the lab lessons.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitReady } from './helpers.ts';

const BIAS = 'lesson-control-populations-neuron-params-bias';

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
}

async function expectStrip(page: Page, states: string[]): Promise<void> {
  for (const [k, state] of states.entries()) {
    await expect(page.getByTestId(`lesson-dot-${k + 1}`)).toHaveAttribute('data-state', state);
  }
}

test('a student plays a lesson through; checks pass only after the work; reload keeps progress', async ({
  page,
}) => {
  // Four short runs and two page loads: about 20 s on an idle machine, more on a loaded one.
  test.setTimeout(120_000);
  await page.goto('/examples/index.json');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('/#/lesson/first-neuron/1');
  await waitReady(page);

  const check = page.getByTestId('lesson-check');
  const message = page.getByTestId('lesson-check-message');
  const next = page.getByTestId('lesson-next');

  // Step 1: the single neuron is loaded; nothing has run yet.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('A neuron and a current');
  await expect(page.getByTestId('node-neuron')).toBeVisible();
  await expect(page.getByTestId('lesson-highlight')).toHaveAttribute('data-target', 'run-button');
  await expect(check).toHaveAttribute('data-pass', 'false');
  await expect(message).toHaveText('Run the network to the end first.');
  await expect(next).toBeDisabled();
  await expectStrip(page, ['current', 'todo', 'todo', 'todo']);
  await runToEnd(page);
  await expect(check).toHaveAttribute('data-pass', 'true');
  await next.click();

  // Step 2: below the rheobase. The old run (at 0.08, 50 Hz) does not count.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Below the rheobase');
  await expectStrip(page, ['done', 'current', 'todo', 'todo']);
  await expect(message).toContainText('is 0.08; set it to 0.04-0.05.');
  await expect(next).toBeDisabled();
  await page.getByTestId(`${BIAS}-number`).fill('0.045');
  await page.getByTestId(`${BIAS}-number`).press('Enter');
  await expect(message).toHaveText('The network changed since the last run: run it again.');
  await expect(next).toBeDisabled();
  await runToEnd(page);
  await expect(check).toHaveAttribute('data-pass', 'true');
  await next.click();

  // Step 3: 40-60 Hz with the slider. It edits the network through the document store.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Make it fire at 40-60 Hz');
  await page.getByTestId(`${BIAS}-slider`).fill('0.08');
  await expect(page.getByTestId(`${BIAS}-number`)).toHaveValue('0.08');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId(`${BIAS}-number`)).toHaveValue('0.045');
  await runToEnd(page);
  await expect(message).toHaveText('LIF neuron fires at 0 Hz; aim for 40-60 Hz.');
  await expect(next).toBeDisabled();
  await page.getByTestId('redo').click();
  await expect(page.getByTestId(`${BIAS}-number`)).toHaveValue('0.08');
  await runToEnd(page);
  await expect(message).toHaveText('LIF neuron fires at 50 Hz (40-60 Hz).');
  await expect(next).toBeEnabled();
  await next.click();

  // Step 4 loads the f-I curve network; reload keeps the progress and the network.
  await expect(page.getByTestId('node-i080')).toBeVisible();
  await expectStrip(page, ['done', 'done', 'done', 'current']);
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('lesson-step-title')).toHaveText('The f-I curve');
  await expectStrip(page, ['done', 'done', 'done', 'current']);
  await expect(page.getByTestId('node-i080')).toBeVisible();
  await expect(page.getByTestId('lesson-finish')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('lesson-step4.png') });

  // The Learn view lists the lab lessons beside the SC lesson.
  await page.getByRole('button', { name: 'Learn' }).click();
  await expect(page.getByTestId('lab-lesson-first-neuron')).toBeVisible();
  await expect(page.getByTestId('lab-lessons').locator('li')).toHaveCount(6);
});
