/**
 * Accessibility: axe-core, injected into the real page, finds no serious or critical violation
 * (missing labels, roles, contrast, ...) in the lab (idle, and with a population selected and a
 * finished run), the teacher panel, the 3D view, the Learn view and the presenter view.
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

test('axe finds no serious violation in the lab, teacher panel, 3D, Learn and presenter views', async ({
  page,
}) => {
  await openFresh(page);
  expect(await seriousViolations(page), 'lab').toEqual([]);

  await node(page, 'exc').click();
  await expect(page.getByTestId('population-inspector')).toBeVisible();
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  expect(await seriousViolations(page), 'lab with a selection and a finished run').toEqual([]);

  await page.getByTestId('teacher-toggle').click();
  await expect(page.getByTestId('teacher-panel')).toBeVisible();
  expect(await seriousViolations(page), 'teacher panel').toEqual([]);
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
});
