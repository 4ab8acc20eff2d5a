/**
 * The Hardware tab's Board section with the demo board (the virtual FT2232H and FPGA in the
 * board worker, driven by the real host code): connect, status, upload the test bitstream
 * with progress to 100%, the Spikelab core's USERCODE; an unplug at 50% and Retry; then a
 * browser without WebUSB is told so and offered the demo board.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, waitReady } from './helpers.ts';

/** Every text the progress line shows, gathered in the page (an upload takes about a second). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { boardProgress: string[] }).boardProgress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="board-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { boardProgress: string[] }).boardProgress);

test('Board: the demo board connects, takes the test bitstream, comes back after an unplug; no WebUSB is said', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByTestId('tab-hardware').click();
  await page.getByTestId('board-demo').click();

  const status = page.getByTestId('board-status');
  await expect(status).toContainText('not configured (DONE 0, INIT 1)');
  await expect(status).toContainText(/JTAG chain.*0x.3727093/);
  await expect(status).toContainText('the FPGA is not configured');

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

  await page.getByText('Demo faults').click();
  await page.getByTestId('board-fault-unplug-half').click();
  await expect(page.getByTestId('board-fault-unplug-half')).toContainText('(armed)');
  await page.getByTestId('board-upload-test').click();
  await expect(page.getByTestId('board-error')).toContainText('the board was unplugged');
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
