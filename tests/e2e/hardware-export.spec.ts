/**
 * The Hardware tab's "Export Verilog (zip)": the page's archive holds the files of
 * `spikelab export-verilog` for the same gallery document (tb_top.v compared byte for byte with
 * the pure generator fed the repository's `hdl/`), listed and read back with Debian's unzip;
 * a float network shows the button off with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readCoreRtl } from '../../src/cli/core-rtl.ts';
import { spikelabVersion } from '../../src/cli/version.ts';
import { exportVerilog } from '../../src/hdl/export-verilog.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import { node, openFresh } from './helpers.ts';

const UNZIP = '/usr/bin/unzip';

function unzip(args: string[]): string {
  if (!existsSync(UNZIP)) throw new Error(`${UNZIP} is missing: install Debian's unzip package`);
  return execFileSync(UNZIP, args, { encoding: 'utf8' });
}

test('Hardware tab: Export Verilog downloads the CLI export of the network as a zip', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-fixed-point-hw.json').click();
  await page.getByTestId('tab-hardware').click();
  await expect(page.getByTestId('hw-ok')).toBeVisible();
  const button = page.getByTestId('hw-export-verilog');
  await expect(button).toBeEnabled();
  await expect(page.getByTestId('hw-export-reason')).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Fixed-point_network_for_the_FPGA-verilog.zip');
  const zip = testInfo.outputPath('export.zip');
  await download.saveAs(zip);
  await expect(page.getByTestId('hw-export-message')).toContainText(
    'Downloaded Fixed-point_network_for_the_FPGA-verilog.zip',
  );
  await page.screenshot({ path: testInfo.outputPath('hardware-export.png') });

  expect(unzip(['-t', zip])).toContain('No errors detected');
  const listed = unzip(['-Z1', zip]).trimEnd().split('\n');
  for (const name of ['spikelab_core.v', 'tb_top.v', 'vivado/build.tcl', 'net.hex', 'pop.hex']) {
    expect(listed).toContain(name);
  }
  // The network's 12 images, and the board build's learning and SC images (one zero word each:
  // the one bitstream holds every feature, this network uses neither).
  expect(listed.filter((n) => n.endsWith('.hex'))).toHaveLength(18);

  // The CLI's export of the same gallery file: the same names in the same order, and the same
  // bytes (tb_top.v carries the document's hash and the version in its header).
  const parsed = parseDocumentJson(readFileSync('public/examples/fixed-point-hw.json', 'utf8'));
  if (!parsed.ok) throw new Error('public/examples/fixed-point-hw.json is not valid');
  const cli = exportVerilog(parsed.document, { rtl: readCoreRtl(), version: spikelabVersion() });
  expect(listed).toEqual(cli.files.map((f) => f.path));
  const tb = cli.files.find((f) => f.path === 'tb_top.v');
  expect(tb).toBeDefined();
  expect(unzip(['-p', zip, 'tb_top.v'])).toBe(tb?.text);
  for (const f of cli.files) expect(unzip(['-p', zip, f.path]), f.path).toBe(f.text);
});

test('Hardware tab: a float network shows Export Verilog off with the reason; Loihi exports', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-f-i-curve.json').click();
  await expect(node(page, 'i080')).toBeVisible();
  await page.getByTestId('tab-hardware').click();
  await expect(page.getByTestId('hw-export-verilog')).toBeDisabled();
  await expect(page.getByTestId('hw-export-reason')).toHaveText(
    'Off until the 8 parts listed under Hardware check have an exact hardware form.',
  );
  await page.getByTestId('hw-export-verilog').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('hardware-export-off.png') });

  // Loihi neurons and synapses run in the core (issue 8): the Loihi example exports.
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-loihi.json').click();
  await expect(page.getByTestId('hw-ok')).toBeVisible();
  await expect(page.getByTestId('hw-export-verilog')).toBeEnabled();
});
