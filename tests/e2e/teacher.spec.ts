/**
 * Teacher mode as a teacher and a student use it: the teacher locks one parameter, limits
 * another to a range and hides the palette, copies the student link and the embed widget; the
 * link reopens (in a fresh browser storage) with the same locks and ranges enforced, and the
 * widget's URL renders a raster that fills with spikes after Run. The lab and the widget
 * switch at runtime on a hash change, both ways, and the lab's last edit survives the switch.
 */
import { expect, test, type Page } from '@playwright/test';
import { node, openFresh, waitReady } from './helpers.ts';

const SHOTS = process.env.TM_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Canvas pixels that differ from the top-left (background) pixel. */
async function paintedPixels(page: Page): Promise<number> {
  return page.getByTestId('embed-raster').evaluate((canvas) => {
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    // Spike markers are the populations' saturated colours; the axes and text are grey.
    for (let k = 0; k < data.length; k += 4) {
      const r = data[k] ?? 0;
      const g = data[k + 1] ?? 0;
      const b = data[k + 2] ?? 0;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) count++;
    }
    return count;
  });
}

test('a teacher link reopens with its locks and ranges; the embed widget runs', async ({
  page,
}) => {
  await openFresh(page);
  await page.getByTestId('teacher-toggle').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('teacher-panel');
  await expect(panel).toBeVisible();
  await page.getByTestId('teacher-hide-ui-palette').check();
  await page.getByTestId('teacher-hide-ui-teacher-switch').check();
  await page.getByTestId('teacher-param-filter').fill('exc');
  await page.getByTestId('teacher-lock-populations-exc-params-tau_mem').check();
  await page.getByTestId('teacher-min-populations-exc-params-v_threshold').fill('0.5');
  await page.getByTestId('teacher-max-populations-exc-params-v_threshold').fill('2');
  // In teacher mode the teacher is not held by the policy: the palette is still there.
  await expect(page.getByTestId('palette-item-poisson')).toBeVisible();
  await page.getByTestId('teacher-make-link').click();
  const link = await page.getByTestId('teacher-link').inputValue();
  expect(link).toMatch(/#doc=[\w-]+&policy=[\w-]+$/);
  await page.getByTestId('teacher-make-embed').click();
  const embed = await page.getByTestId('teacher-embed-url').inputValue();
  expect(embed).toContain('#/embed?doc=');
  await expect(page.getByTestId('teacher-embed-snippet')).toHaveValue(/^<iframe src="/);
  await shot(page, 'teacher-panel');
  await page.getByTestId('teacher-close').click();

  // A student opens the link (a page load: the teacher's own page would only see a hash change).
  await page.goto('about:blank');
  await page.goto(link);
  await waitReady(page);
  await expect(page.getByTestId('palette-item-poisson')).toHaveCount(0);
  await node(page, 'exc').click();
  const tau = page.getByTestId('field-tau_mem');
  await expect(tau).toBeDisabled();
  await expect(page.getByTestId('lock-tau_mem')).toHaveAttribute('title', 'locked by the teacher');
  await expect(page.getByTestId('range-v_threshold')).toContainText('0.5 to 2');
  const threshold = page.getByTestId('field-v_threshold');
  await threshold.fill('3');
  await expect(page.getByTestId('error-v_threshold')).toContainText("the teacher's range");
  await threshold.fill('1.5');
  await expect(page.getByTestId('error-v_threshold')).toHaveCount(0);
  await shot(page, 'student');
  // Not from the keyboard either: the locked field cannot take focus.
  await tau.focus();
  await page.keyboard.press('ArrowUp');
  await expect(tau).toHaveValue('20');
  // The Teacher switch is hidden from the student; the teacher's Ctrl+Alt+T brings it back.
  await expect(page.getByTestId('teacher-toggle')).toHaveCount(0);
  await page.keyboard.press('Control+Alt+t');
  await expect(page.getByTestId('teacher-panel')).toBeVisible();
  await expect(page.getByTestId('teacher-toggle')).toBeVisible();
  await page.keyboard.press('Control+Alt+t');
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0);

  // The widget, as an iframe loads it (a page load, not a hash change): name, Run, spikes.
  await page.goto('about:blank');
  await page.goto(embed);
  await expect(page.getByTestId('embed')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('embed-name')).toHaveText('Balanced E/I network');
  await expect(page.getByTestId('palette-item-poisson')).toHaveCount(0);
  await page.getByTestId('embed-run').click();
  await expect.poll(() => paintedPixels(page), { timeout: 20_000 }).toBeGreaterThan(50);
  await shot(page, 'embed');

  // At runtime, in one tab: the widget's lab link followed here (a hash change) opens the lab
  // with the widget's network; an edit, then at once (its autosave still pending) the embed
  // link: the widget opens, and Back returns to the lab with the edit kept.
  const labLink = await page.getByRole('link', { name: 'Open in Spikelab' }).getAttribute('href');
  await page.evaluate((href) => window.location.assign(href ?? ''), labLink);
  await waitReady(page);
  await expect(page.getByTestId('embed')).toHaveCount(0);
  await node(page, 'exc').click();
  await page.getByTestId('field-v_threshold').fill('1.25');
  await page.evaluate((hash) => (window.location.hash = hash), new URL(embed).hash);
  await expect(page.getByTestId('embed')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.app')).toHaveCount(0);
  await page.goBack();
  await waitReady(page);
  await node(page, 'exc').click();
  await expect(page.getByTestId('field-v_threshold')).toHaveValue('1.25');
});
