/**
 * Offline: once the app has loaded and its service worker has filled the cache, a reload with
 * no network still opens the app, and the default network runs (the engine worker and its
 * modules, the examples, the lessons, the plots' lazily loaded plotly all come from the cache).
 */
import { expect, test } from '@playwright/test';
import { openFresh } from './helpers.ts';
import { run } from './run-helpers.ts';

test.use({ serviceWorkers: 'allow' });

test('the app reloads and runs the default network offline', async ({ page, context }) => {
  // Filling the cache from Vite's dev server transforms every module of the app once (the
  // lazily loaded ones too): 20-40 s on a loaded two-core machine.
  test.setTimeout(180_000);
  const started = Date.now();
  await openFresh(page);
  await expect(page.locator('html[data-offline="ready"]')).toBeAttached({ timeout: 150_000 });
  const warmSeconds = (Date.now() - started) / 1000;

  await context.setOffline(true);
  // Prove the network is gone, so the reload below cannot be served by it.
  const online = await page.evaluate(() =>
    fetch('/examples/index.json?nocache=' + Math.random()).then(
      () => true,
      () => false,
    ),
  );
  expect(online).toBe(false);

  await page.reload();
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('network-name')).toHaveValue('Balanced E/I network');
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  // The finished run is drawn by plotly, loaded on demand: from the cache here.
  await expect(page.getByTestId('raster-plot').locator('.main-svg').first()).toBeVisible();
  // An example that was never opened online opens offline too.
  await page.screenshot({ path: '/tmp/po/offline-run.png' });
  // The built-in lessons: the list and every lesson file, never opened online.
  const lessons = await page.evaluate(async () => {
    const list = (await (await fetch('/lessons/index.json')).json()) as { file: string }[];
    const files = await Promise.all(
      list.map(async ({ file }) =>
        (await fetch(`/lessons/${file}`)).ok ? file : `missing ${file}`,
      ),
    );
    return files;
  });
  expect(lessons.length).toBeGreaterThan(0);
  expect(lessons.filter((f) => f.startsWith('missing'))).toEqual([]);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-cuba.json').click();
  await expect(page.getByTestId('network-name')).toHaveValue(/CUBA/i);
  console.log(`offline: cache filled in ${warmSeconds.toFixed(1)} s`);
});
