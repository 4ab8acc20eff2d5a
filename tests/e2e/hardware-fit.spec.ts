/**
 * The Hardware tab's "Resource fit": the estimate of the gallery's hardware example appears at
 * once with the CLI's numbers (`fitNetwork` in Node with the repository's core); "Synthesise
 * with Yosys" loads @yowasp/yosys in a worker and runs the core's synthesis (its passes and
 * elapsed time shown, the page's thread answering meanwhile); Cancel stops it and leaves the
 * page usable; a second run starts in a fresh worker; an edit moves the estimate.
 *
 * No run here goes to the end: synthesising the core takes 50-70 s of one core in Yosys 0.55
 * for any network (even one with 4 neurons), over CI's budget for one spec. Its last part is
 * tested without the page: `runYosysWasm` on real Yosys (`yosys-wasm.test.ts`), the counts of a
 * captured Yosys 0.55 stat through the fit store (`fit-store.test.ts`).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readCoreRtl } from '../../src/cli/core-rtl.ts';
import { spikelabVersion } from '../../src/cli/version.ts';
import { RESOURCES } from '../../src/hdl/fit/fit-report.ts';
import { fitNetwork } from '../../src/hdl/fit/fit-network.ts';
import { num } from '../../src/hdl/fit/fit-text.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import { openFresh, selectNode, setField } from './helpers.ts';

/** Milliseconds the page's thread takes to answer (a task posted and run). */
function pageLatency(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        setTimeout(() => resolve(performance.now() - t0), 0);
      }),
  );
}

test('Hardware tab: Resource fit estimates at once, runs Yosys in a worker, cancels', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const parsed = parseDocumentJson(readFileSync('public/examples/fixed-point-hw.json', 'utf8'));
  if (!parsed.ok) throw new Error('public/examples/fixed-point-hw.json is not valid');
  const cli = fitNetwork(parsed.document, { rtl: readCoreRtl(), version: spikelabVersion() });

  // Each Yosys worker the page starts, and whether it has been terminated.
  const workers: { closed: boolean }[] = [];
  page.on('worker', (worker) => {
    if (!worker.url().includes('yosys.worker')) return;
    const entry = { closed: false };
    workers.push(entry);
    worker.on('close', () => {
      entry.closed = true;
    });
  });

  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-fixed-point-hw.json').click();
  await page.getByTestId('tab-hardware').click();

  // The estimate: the CLI's numbers, and the largest network of the same shape.
  for (const k of RESOURCES) {
    await expect(page.getByTestId(`hw-fit-estimate-${k}`)).toHaveText(num(cli.estimate[k]));
  }
  const largest = cli.largest?.largest.needs.neurons;
  expect(largest).toBeGreaterThan(98);
  await expect(page.getByTestId('hw-fit-largest')).toContainText(`${num(largest ?? 0)} neurons`);

  // A run, cancelled once Yosys has started its passes: the page stays usable.
  const synthesise = page.getByTestId('hw-fit-synthesise');
  await synthesise.click();
  await expect(page.getByTestId('hw-fit-progress')).toBeVisible();
  await expect(page.locator('.hw-fit-passes li').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('hw-fit-cancel').click();
  await expect(page.getByTestId('hw-fit-message')).toContainText('Synthesis cancelled after');
  await expect(page.getByTestId('hw-fit-progress')).toHaveCount(0);
  expect(workers).toHaveLength(1);
  await expect.poll(() => workers[0]?.closed).toBe(true);
  await page.getByTestId('tab-run').click();
  await page.getByTestId('tab-hardware').click();
  await expect(synthesise).toBeEnabled();

  // A second run in a fresh worker: passes go by while the page's thread answers at once.
  await synthesise.click();
  await expect(page.getByTestId('hw-fit-message')).toHaveCount(0);
  await expect(page.locator('.hw-fit-passes li').first()).toBeVisible({ timeout: 60_000 });
  const latencies: number[] = [];
  for (let k = 0; k < 4; k++) {
    latencies.push(await pageLatency(page));
    await page.waitForTimeout(500);
  }
  expect(Math.max(...latencies)).toBeLessThan(250);
  await expect(page.getByTestId('hw-fit-elapsed')).not.toHaveText('0 s');
  await page.getByTestId('hw-fit-progress').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('hardware-fit-running.png') });
  await page.getByTestId('hw-fit-cancel').click();
  await expect(page.getByTestId('hw-fit-message')).toContainText('Synthesis cancelled after');
  expect(workers).toHaveLength(2);
  await expect.poll(() => workers[1]?.closed).toBe(true);

  // An edit: the estimate follows the new network at once.
  await selectNode(page, 'exc');
  await setField(page, 'size', '41');
  await expect(page.getByTestId('hw-fit-summary')).toContainText('99 neurons');
});

test('Hardware tab: Resource fit names a refused network and a Yosys that cannot load', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-f-i-curve.json').click();
  await page.getByTestId('tab-hardware').click();
  // A float network: the export's refusal, each population named; nothing to synthesise.
  await expect(page.getByTestId('hw-fit-refused')).toContainText(
    'cannot be exported to the Verilog core',
  );
  await expect(page.getByTestId('hw-fit-refused').locator('li')).not.toHaveCount(1);
  await expect(page.getByTestId('hw-fit-synthesise')).toBeDisabled();

  // The hardware example with Yosys's WebAssembly unreachable (a build names it
  // yosys.core-<hash>.wasm): the failure names it.
  await page.route('**/yosys.core*.wasm*', (route) => route.abort('connectionrefused'));
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-fixed-point-hw.json').click();
  await page.getByTestId('tab-hardware').click();
  await page.getByTestId('hw-fit-synthesise').click();
  await expect(page.getByTestId('hw-fit-message')).toContainText(
    'Yosys (WebAssembly, @yowasp/yosys 0.55.944) could not be loaded',
  );
  await expect(page.getByTestId('hw-fit-message')).toHaveClass(/hw-error/);
  await expect(page.getByTestId('hw-fit-synthesise')).toBeEnabled();
  await page.getByTestId('hw-fit-message').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('hardware-fit-load-error.png') });
});
