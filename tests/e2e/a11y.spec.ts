/**
 * Accessibility: axe-core, injected into the real page, finds no serious or critical violation
 * (missing labels, roles, contrast, ...) in the lab (idle, its Train, Sweep and Hardware tabs,
 * and with a population selected and a finished run), the teacher panel, the 3D view, the Learn
 * view, the presenter view and a lesson in the lab; and the controls of each are in the Tab order.
 */
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { node, openFresh } from './helpers.ts';
import { run } from './run-helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const findings = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  });
  return (findings as Finding[])
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `${f.impact} ${f.id}: ${f.help} (${f.targets.join(', ')})`);
}

/**
 * Visible, enabled controls that Tab cannot reach (tabindex below 0); a tab of a tab list counts
 * as reached when one tab of its list is (the arrow keys move between tabs).
 */
async function untabbableControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'a[href]',
      '[role="button"]',
      '[role="slider"]',
      '[role="checkbox"]',
      '[role="switch"]',
      '[role="tab"]',
    ].join(', ');
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.getClientRects().length === 0 || el.closest('[inert], [aria-hidden="true"]')) continue;
      if ((el as HTMLButtonElement).disabled || el.tabIndex >= 0) continue;
      const list = el.getAttribute('role') === 'tab' ? el.closest('[role="tablist"]') : null;
      if (
        list &&
        [...list.querySelectorAll<HTMLElement>('[role="tab"]')].some((t) => t.tabIndex >= 0)
      ) {
        continue;
      }
      const name =
        el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent;
      out.push(`${el.tagName.toLowerCase()} ${name?.trim().slice(0, 40) ?? ''}`);
    }
    return out;
  });
}

/** The test ids of the elements `presses` Tabs from the top of the page focus, in order. */
async function tabStops(page: Page, presses: number): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  for (let k = 0; k < presses; k++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
    );
  }
  return stops;
}

test('axe finds no serious violation in the lab, teacher panel, 3D, Learn, presenter and lesson views', async ({
  page,
}) => {
  // Eleven page states, each read whole by axe (about 1 to 3 s each on a loaded machine).
  test.setTimeout(120_000);
  await openFresh(page);
  expect(await seriousViolations(page), 'lab').toEqual([]);
  expect(await untabbableControls(page), 'lab controls out of the Tab order').toEqual([]);
  for (const tab of ['Train', 'Sweep', 'Hardware', 'Run']) {
    await page.getByRole('tab', { name: tab }).click();
    if (tab !== 'Run') expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
  }

  await node(page, 'exc').click();
  await expect(page.getByTestId('population-inspector')).toBeVisible();
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  expect(await seriousViolations(page), 'lab with a selection and a finished run').toEqual([]);
  expect(await untabbableControls(page), 'inspector and plots out of the Tab order').toEqual([]);

  await page.getByTestId('teacher-toggle').click();
  await expect(page.getByTestId('teacher-panel')).toBeVisible();
  expect(await seriousViolations(page), 'teacher panel').toEqual([]);
  expect(await untabbableControls(page), 'teacher panel out of the Tab order').toEqual([]);
  await page.getByTestId('teacher-close').click();

  await page.getByTestId('canvas-view-split').click();
  await expect(page.getByTestId('view3d')).toBeVisible();
  expect(await seriousViolations(page), '3D view').toEqual([]);

  await page.evaluate(() => {
    window.location.hash = '#/learn';
  });
  await expect(page.locator('.learn-area, [data-testid="learn-area"]').first()).toBeVisible();
  expect(await seriousViolations(page), 'Learn view').toEqual([]);

  await page.evaluate(() => {
    window.location.hash = '#/present';
  });
  await expect(page.getByTestId('presenter-raster')).toBeVisible();
  expect(await seriousViolations(page), 'presenter view').toEqual([]);
  expect(await untabbableControls(page), 'presenter controls out of the Tab order').toEqual([]);
  // And Tab walks them in reading order: back to the lab, (the 3D view's toolbar,) the run
  // buttons, the sound.
  const mine = ['present-back', 'present-run', 'present-reset', 'audio-toggle', 'audio-volume'];
  const stops = (await tabStops(page, 12)).filter((id) => mine.includes(id));
  expect(stops.slice(0, mine.length)).toEqual(mine);

  // Last: a lesson loads its own network into the lab.
  await page.evaluate(() => {
    window.location.hash = '#/lesson/first-neuron';
  });
  await expect(page.getByTestId('lesson-drawer')).toBeVisible();
  expect(await seriousViolations(page), 'a lesson in the lab').toEqual([]);
  expect(await untabbableControls(page), 'lesson drawer out of the Tab order').toEqual([]);
});
