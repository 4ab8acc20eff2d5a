/**
 * A scripted student plays "Your first spiking neuron" in the lab: each step's check fails
 * (Next disabled, the reason shown) until the work is done, passes after it, and the progress
 * strip advances; the drawer's slider edits the network through undo; a reload keeps the
 * progress and the student's network; the Learn list offers the lab lessons. A second student
 * plays "Excitation and inhibition" (a weight control, a param-and-rate check, a projection
 * drawn on the canvas), then every built-in lesson's first step is opened.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { connect, setField, waitReady } from './helpers.ts';

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

/** `route` in a fresh page (no progress, no autosave), and the lesson drawer's check and Next. */
async function openLesson(page: Page, route: string) {
  await page.goto('/examples/index.json');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(route);
  await waitReady(page);
  return {
    check: page.getByTestId('lesson-check'),
    message: page.getByTestId('lesson-check-message'),
    next: page.getByTestId('lesson-next'),
  };
}

test('a student plays a lesson through; checks pass only after the work; reload keeps progress', async ({
  page,
}) => {
  // Four short runs and two page loads: about 20 s on an idle machine, more on a loaded one.
  test.setTimeout(120_000);
  const { check, message, next } = await openLesson(page, '/#/lesson/first-neuron/1');

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

const INH_EXC = 'lesson-control-projections-inh_exc-weight-value-number';

/** A lesson file's id, step titles and the first words of its first step's text. */
function builtinLessons(): { id: string; titles: string[]; opening: string }[] {
  const index = JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as { file: string }[];
  return index.map(({ file }) => {
    const lesson = JSON.parse(readFileSync(`public/lessons/${file}`, 'utf8')) as {
      id: string;
      steps: { title: string; text: string }[];
    };
    // The text as the drawer shows it: markdown marks and link targets dropped.
    const plain = (lesson.steps[0]?.text ?? '')
      .split('\n')[0]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|`/g, '');
    return { id: lesson.id, titles: lesson.steps.map((s) => s.title), opening: plain.slice(0, 40) };
  });
}

test('a second lesson played through (control, param + rate, a projection drawn); every lesson opens', async ({
  page,
}) => {
  // Three CUBA runs, one small run and six lesson openings: 25-50 s on this 2-core machine,
  // about 75 s when it is loaded (load average 8).
  test.setTimeout(120_000);
  const { check, message, next } = await openLesson(page, '/#/lesson/excitation-inhibition/1');

  // Step 1: CUBA, run once.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('The CUBA network');
  await expect(page.getByTestId('node-inh')).toBeVisible();
  await expect(check).toHaveAttribute('data-pass', 'false');
  await runToEnd(page);
  await expect(check).toHaveAttribute('data-pass', 'true');
  await next.click();

  // Step 2: inhibition off with the drawer's control; the weight is checked, then the rate.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Take inhibition away');
  await expect(message).toContainText('set it to -0.5-0');
  await expect(next).toBeDisabled();
  await page.getByTestId(INH_EXC).fill('0');
  await page.getByTestId(INH_EXC).press('Enter');
  await expect(message).toHaveText('The network changed since the last run: run it again.');
  await runToEnd(page);
  await expect(check).toHaveAttribute('data-pass', 'true');
  await next.click();

  // Step 3: the runaway run does not count; part of the inhibition back gives 20-40 Hz.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Find the balance');
  await expect(message).toContainText('aim for 20-40 Hz');
  await expect(next).toBeDisabled();
  await page.getByTestId(INH_EXC).fill('-6');
  await page.getByTestId(INH_EXC).press('Enter');
  await runToEnd(page);
  await expect(check).toHaveAttribute('data-pass', 'true');
  await next.click();

  // Step 4: a smaller network without inh's projections; draw inh -> exc, make it inhibitory.
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Wire inhibition yourself');
  await expect(message).toHaveText('Connect Inhibitory to Excitatory: there is no projection yet.');
  // The drawer narrows the canvas: fit the view (an animation) so both handles are in it.
  await page.keyboard.press('f');
  const handle = page.getByTestId('handle-source-inh');
  let last = '';
  await expect
    .poll(async () => [last, (last = JSON.stringify(await handle.boundingBox()))][0] === last)
    .toBe(true);
  await connect(page, 'inh', 'exc');
  await expect(page.getByTestId('edge-label-inh_to_exc')).toBeVisible();
  await runToEnd(page);
  await expect(message).toContainText('make it inhibitory');
  await expect(page.getByTestId('lesson-finish')).toBeDisabled();
  await page.getByTestId('edge-label-inh_to_exc').click();
  await setField(page, 'weight-value', '-0.5');
  await runToEnd(page);
  await expect(check).toHaveAttribute('data-pass', 'true');
  await expect(page.getByTestId('lesson-finish')).toBeEnabled();
  await expectStrip(page, ['done', 'done', 'done', 'current']);

  // Every built-in lesson's first step opens: title, text, a dot per step, no error.
  for (const lesson of builtinLessons()) {
    await page.evaluate((id) => (window.location.hash = `#/lesson/${id}/1`), lesson.id);
    const drawer = page.getByTestId('lesson-drawer');
    await expect(page.getByTestId('lesson-step-title'), lesson.id).toHaveText(lesson.titles[0]!);
    await expect(drawer, lesson.id).toContainText(lesson.opening);
    await expect(page.locator('[data-testid^="lesson-dot-"]')).toHaveCount(lesson.titles.length);
    await expect(page.getByTestId('lesson-dot-1')).toHaveAttribute('data-state', 'current');
    await expect(drawer).not.toContainText('Loading the step');
    await expect(page.getByTestId('lesson-check')).toBeVisible();
    await expect(page.locator('.lsr-error')).toHaveCount(0);
  }
});
