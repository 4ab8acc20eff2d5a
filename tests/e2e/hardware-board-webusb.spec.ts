/**
 * The real WebUSB path in Chromium: an init script sets the test flag, so the page installs the
 * virtual `navigator.usb` (`src/usb/virtual/virtual-webusb.ts`, one virtual PYNQ-Z2 holding the
 * core twin) and the board worker its linked one. Connect board (not the demo board) calls
 * `requestDevice` on the click, the worker finds the board with `getDevices`; a .bit is uploaded
 * through the file input, the gallery's fixed-point network runs bit-exact; an unplug while idle
 * (WebUSB's `disconnect`, no transfer, no click) is on screen at once with the run kept; the
 * replug is noticed and Retry opens the new device and uploads again.
 */
import { expect, test, type Page } from '@playwright/test';
import { SPIKELAB_USERCODE } from '../../src/usb/board/usercode.ts';
import { testBitstream } from '../../src/usb/xilinx7/test-bitstream.ts';
import { openFresh } from './helpers.ts';

/** The virtual board's plug, through the page's `navigator.usb` (the virtual one). */
const plug = (page: Page, action: 'unplug' | 'replug') =>
  page.evaluate((a) => {
    (navigator.usb as unknown as Record<typeof a, () => void>)[a]();
  }, action);

const rasterPoints = (page: Page, testId: string): Promise<number> =>
  page.getByTestId(testId).evaluate((div) => {
    const data = (div as unknown as { data?: { x?: unknown[] }[] }).data ?? [];
    return data.reduce((n, trace) => n + (trace.x?.length ?? 0), 0);
  });

test('Board over WebUSB: Connect board, upload a .bit, run bit-exact; an idle unplug is shown at once, replug and Retry', async ({
  page,
}) => {
  await page.addInitScript(() => {
    (window as unknown as Record<string, boolean>).__spikelabVirtualWebUsb = true;
  });
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-fixed-point-hw.json').click();
  // Its four populations on the canvas; the same four after all that follows.
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.getByTestId('tab-hardware').click();
  await page.getByTestId('board-connect').click();

  const status = page.getByTestId('board-status');
  await expect(status).toContainText('TUL (Spikelab virtual board), serial 1234-tul');
  await expect(status).toContainText(/JTAG chain.*0x.3727093/);
  await expect(status).toContainText('not configured (DONE 0, INIT 1)');
  // A real board gets no test bitstream: a .bit file is chosen.
  await expect(page.getByTestId('board-upload-test')).toHaveCount(0);
  const bit = testBitstream({ frameWords: 4096, userId: SPIKELAB_USERCODE });
  await page.getByTestId('board-file-input').setInputFiles({
    name: 'spikelab-core.bit',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bit),
  });
  await expect(page.getByTestId('board-uploaded')).toContainText(
    /^Uploaded spikelab-core\.bit \(16,\d{3} bytes of configuration data\) in \d+\.\d\d s\.$/,
  );
  await expect(status).toContainText('a Spikelab core (bridge protocol');

  await page.getByTestId('board-run-button').click();
  const verdict = page.getByTestId('board-verdict');
  await expect(verdict).toHaveText(/^bit-exact: all \d+ spikes agree$/, { timeout: 30_000 });
  const spikes = await rasterPoints(page, 'board-raster-engine');
  expect(spikes).toBeGreaterThan(100);
  expect(await rasterPoints(page, 'board-raster-board')).toBe(spikes);

  // Unplugged while idle: said at once, with nothing clicked and nothing sent.
  await plug(page, 'unplug');
  await expect(page.getByTestId('board-error')).toHaveText(
    'the board was unplugged: the network and the last run are kept',
    { timeout: 2_000 },
  );
  await expect(page.getByTestId('board-retry-note')).toHaveText(
    'Plug the board back in and press Retry: it is opened again and the same bitstream sent.',
  );
  await expect(page.getByTestId('board-run-button')).toBeDisabled();
  await expect(verdict).toHaveText(`bit-exact: all ${spikes} spikes agree`);
  expect(await rasterPoints(page, 'board-raster-board')).toBe(spikes);
  await expect(status).toContainText('a Spikelab core (bridge protocol');
  await expect(page.getByTestId('board-replugged')).toHaveCount(0);

  await plug(page, 'replug');
  await expect(page.getByTestId('board-replugged')).toHaveText(
    'The board is plugged in again: press Retry.',
  );
  await page.getByTestId('board-retry').click();
  await expect(page.getByTestId('board-uploaded')).toContainText('Uploaded spikelab-core.bit');
  await expect(page.getByTestId('board-error')).toHaveCount(0);
  await expect(status).toContainText('configured (DONE 1');
  await expect(page.getByTestId('board-run-button')).toBeEnabled();
  // The editor's network was never touched.
  await page.getByTestId('tab-run').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
});
