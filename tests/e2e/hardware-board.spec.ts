/**
 * The Hardware tab's Board section with the demo board (the virtual FT2232H and FPGA in the
 * board worker, driven by the real host code; configured, it holds the virtual core behind the
 * bridge): connect, status, upload the test bitstream with progress to 100%, the Spikelab
 * core's USERCODE; Run on board with the gallery's fixed-point network (the default network is
 * stochastic LIF, which the Hardware check refuses) and an unplug armed for it: the error, the
 * spikes read so far kept; Retry uploads and runs again: both rasters side by side, the verdict
 * bit-exact, kept across a tab switch; an unplug at 50% of an upload and Retry; then a browser
 * without WebUSB is told so and offered the demo board. One page: a page load costs seconds.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, waitReady } from './helpers.ts';

/**
 * Every text the upload's and the run's progress lines show, gathered in the page (an upload
 * takes about a second, a run's load and run about as long).
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { boardProgress: string[] }).boardProgress = seen;
    new MutationObserver(() => {
      for (const id of ['board-progress', 'board-run-progress']) {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { boardProgress: string[] }).boardProgress);

/** Spike markers plotly drew in a raster (scattergl draws on a canvas: count the data). */
const rasterPoints = (page: Page, testId: string): Promise<number> =>
  page.getByTestId(testId).evaluate((div) => {
    const data = (div as unknown as { data?: { x?: unknown[] }[] }).data ?? [];
    return data.reduce((n, trace) => n + (trace.x?.length ?? 0), 0);
  });

// One test, one page: a page load costs seconds on the dev server.
test('Board: the demo board connects, takes the test bitstream, runs the network (unplugged mid-run, then Retry) bit-exact, comes back after an upload unplug; no WebUSB is said', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  // The default network is stochastic LIF, which the Hardware check refuses: the gallery's
  // fixed-point network goes to the FPGA as it is.
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-fixed-point-hw.json').click();
  await page.getByTestId('tab-hardware').click();
  await expect(page.getByTestId('hw-ok')).toBeVisible();
  await page.getByTestId('board-demo').click();

  const status = page.getByTestId('board-status');
  await expect(status).toContainText('not configured (DONE 0, INIT 1)');
  await expect(status).toContainText(/JTAG chain.*0x.3727093/);
  await expect(status).toContainText('the FPGA is not configured');
  // No core yet: nothing to run on.
  await expect(page.getByTestId('board-run-button')).toHaveCount(0);

  await recordProgress(page);
  await page.getByTestId('board-upload-test').click();
  await expect(page.getByTestId('board-uploaded')).toContainText(
    /^Uploaded the test bitstream \(xc7z020, no design\) \(131,\d{3} bytes of configuration data\) in \d+\.\d\d s\.$/,
  );
  await expect(status).toContainText('configured (DONE 1');
  await expect(status).toContainText('a Spikelab core (bridge protocol');
  const seen = await progressSeen(page);
  expect(seen.some((t) => t.includes('(100%)'))).toBe(true);
  expect(seen.some((t) => /\(\d+%\), \d+\.\d s left/.test(t))).toBe(true);

  // Run on board with an unplug armed for it: the run stops at half its steps; the error, the
  // network and the spikes read so far stay (the engine's raster is complete: it ran first).
  await page.getByText('Demo faults').click();
  await page.getByTestId('board-fault-unplug-run').click();
  await expect(page.getByTestId('board-fault-unplug-run')).toContainText('(armed)');
  await page.getByTestId('board-run-button').click();
  await expect(page.getByTestId('board-error')).toContainText('the board was unplugged');
  await expect(page.getByTestId('board-retry-note')).toContainText(
    'the same bitstream sent, and the network loaded and run again',
  );
  const stopped = page.getByTestId('board-run-progress');
  await expect(stopped).toHaveText(
    /^Stopped at step \d+ of 300: the \d+ spikes read so far are kept\.$/,
  );
  const kept = Number(/the (\d+) spikes/.exec((await stopped.textContent()) ?? '')?.[1]);
  const engineSpikes = await rasterPoints(page, 'board-raster-engine');
  expect(engineSpikes).toBeGreaterThan(100);
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(engineSpikes);
  expect(await rasterPoints(page, 'board-raster-board')).toBe(kept);
  await expect(page.getByTestId('board-verdict')).toHaveCount(0);
  await expect(page.getByTestId('board-upload-test')).toBeDisabled();
  await expect(page.getByTestId('board-run-button')).toBeDisabled();
  const lines = await progressSeen(page);
  expect(lines).toContain('Preparing the network for the core…');
  expect(
    lines.some((t) =>
      /^Loading the network: [\d,]+ of [\d,]+ words \(\d+%\), \d+\.\d s left$/.test(t),
    ),
  ).toBe(true);
  expect(
    lines.some((t) => /^Running on the board: step \d+ of 300, \d+ spikes read$/.test(t)),
  ).toBe(true);
  await page.getByTestId('board-raster-board').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('board-run-unplugged.png') });

  // Retry uploads again and runs again: the board's raster beside the engine's, bit-exact.
  await page.getByTestId('board-retry').click();
  const verdict = page.getByTestId('board-verdict');
  await expect(verdict).toHaveText(`bit-exact: all ${engineSpikes} spikes agree`, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('board-error')).toHaveCount(0);
  await expect(page.getByTestId('board-uploaded')).toBeVisible();
  await expect(page.getByTestId('board-readback')).toHaveText(
    new RegExp(
      `^${engineSpikes.toLocaleString('en-US')} spikes read back in \\d+\\.\\d\\d s \\([\\d,]+ spikes/s\\), 300 steps$`,
    ),
  );
  await expect(page.getByTestId('board-raster-engine')).toContainText('Engine (wasm)');
  await expect(page.getByTestId('board-raster-board')).toContainText('Board');
  expect(await rasterPoints(page, 'board-raster-board')).toBe(engineSpikes);
  // The state lives in the board store: another tab and back keeps the run.
  await page.getByTestId('tab-run').click();
  await page.getByTestId('tab-hardware').click();
  await expect(verdict).toHaveText(`bit-exact: all ${engineSpikes} spikes agree`);
  expect(await rasterPoints(page, 'board-raster-board')).toBe(engineSpikes);
  const engineBox = await page.getByTestId('board-raster-engine').boundingBox();
  const boardBox = await page.getByTestId('board-raster-board').boundingBox();
  // Side by side on one row of the panel.
  expect(
    engineBox !== null && boardBox !== null && boardBox.x >= engineBox.x + engineBox.width - 1,
  ).toBe(true);
  expect(Math.abs((engineBox?.y ?? 0) - (boardBox?.y ?? 1))).toBeLessThan(2);
  await page.getByTestId('board-raster-board').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('board-run.png') });

  // Unplug at 50% of an upload; Retry uploads again (no run to repeat). The tab switch closed
  // the faults' disclosure.
  await page.getByText('Demo faults').click();
  await page.getByTestId('board-fault-unplug-half').click();
  await expect(page.getByTestId('board-fault-unplug-half')).toContainText('(armed)');
  await page.getByTestId('board-upload-test').click();
  await expect(page.getByTestId('board-error')).toContainText('the board was unplugged');
  await expect(page.getByTestId('board-retry-note')).toHaveText(
    'Plug the board back in and press Retry: it is opened again and the same bitstream sent.',
  );
  // The last status stays on screen; only Retry and Disconnect are offered.
  await expect(status).toBeVisible();
  await expect(page.getByTestId('board-upload-test')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('board-unplugged.png') });

  await page.getByTestId('board-retry').click();
  await expect(page.getByTestId('board-uploaded')).toBeVisible();
  await expect(page.getByTestId('board-error')).toHaveCount(0);
  await expect(status).toContainText('a Spikelab core (bridge protocol');
  await page.screenshot({ path: testInfo.outputPath('board-retried.png') });

  await page.getByTestId('board-disconnect').click();
  await expect(page.getByTestId('board-demo')).toBeVisible();
  await expect(status).toHaveCount(0);
  await expect(page.getByTestId('board-run')).toHaveCount(0);

  // A browser without WebUSB (one reload, cheaper than a second test's fresh page).
  await page.addInitScript(() => {
    delete (Navigator.prototype as { usb?: unknown }).usb;
  });
  await page.reload();
  await waitReady(page);
  await page.getByTestId('tab-hardware').click();
  await expect(page.getByTestId('board-webusb-missing')).toContainText(
    'This browser has no WebUSB',
  );
  await expect(page.getByTestId('board-connect')).toBeDisabled();
  await expect(page.getByTestId('board-demo')).toBeEnabled();
});
