import { expect, test } from '@playwright/test';
import {
  connect,
  dragFromPalette,
  node,
  nodeIds,
  openEmpty,
  openFresh,
  selectNode,
  setField,
  waitReady,
} from './helpers.ts';

test('reload finds the network intact', async ({ page }) => {
  await openEmpty(page);
  const src = await dragFromPalette(page, 'poisson', { x: 150, y: 200 });
  const lif = await dragFromPalette(page, 'stochastic_lif', { x: 500, y: 200 });
  await connect(page, src, lif);
  await selectNode(page, lif);
  await setField(page, 'tau_mem', '7');
  await page.getByTestId('network-name').fill('My test net');
  await page.getByTestId('network-name').press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await page.reload();
  await waitReady(page);
  expect(await nodeIds(page)).toEqual([src, lif]);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(node(page, lif)).toContainText('τ 7 ms');
  await expect(page.getByTestId('network-name')).toHaveValue('My test net');
});

test('opening a broken file lists every problem and leaves the network untouched', async ({
  page,
}) => {
  await openFresh(page);
  const broken = {
    format: 'spikelab-network',
    version: 1,
    name: 'broken',
    populations: [{ id: 'a', model: 'stochastic_lif', size: -3, position: { x: 0, y: 0 } }],
    projections: [{ id: 'p', source: 'a', target: 'nowhere' }],
    stimuli: [],
    probes: [],
    run: { dt: 0.1, duration: 100, seed: 1, backend: 'auto' },
  };
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const panel = page.getByTestId('issues-panel');
  await expect(panel).toContainText('Could not open broken.json');
  await expect(panel).toContainText('populations[0].size');
  await expect(panel).toContainText('unchanged');
  expect(await panel.locator('li').count()).toBeGreaterThan(2);
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);
  await page.getByTestId('issues-dismiss').click();
  await expect(panel).toHaveCount(0);
});

test('a file with broken JSON or from a newer version is refused with the reason', async ({
  page,
}) => {
  await openFresh(page);
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'cut.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "spikelab-network", "version": 1,'),
  });
  await expect(page.getByTestId('issues-panel')).toContainText('line 1');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'spikelab-network', version: 99 })),
  });
  await expect(page.getByTestId('issues-panel')).toContainText('future.json');
  await expect(page.getByTestId('issues-panel')).toContainText('version');
  expect(await nodeIds(page)).toEqual(['input', 'exc', 'inh']);
});

test('save downloads the network and open reads it back', async ({ page }) => {
  await openFresh(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('file-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('balanced-e-i-network.spikelab.json');
  const path = await file.path();
  await page.getByTestId('file-new').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByTestId('open-file-input').setInputFiles(path);
  await expect.poll(() => nodeIds(page)).toEqual(['input', 'exc', 'inh']);
  // Opening is an edit like any other: undo returns to the empty network.
  await page.keyboard.press('Control+z');
  await expect.poll(() => nodeIds(page)).toEqual([]);
});

test('a share link opens the network it encodes; a damaged one says so', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openEmpty(page);
  await dragFromPalette(page, 'spike_generator', { x: 300, y: 200 });
  await page.getByTestId('file-share').click();
  await expect(page.getByTestId('toast')).toContainText('Share link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#doc=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(() => window.localStorage.clear());
  await other.goto(link);
  await waitReady(other);
  expect(await nodeIds(other)).toEqual(['spike_generator']);
  // The hash is consumed so a reload shows the (autosaved) edits, not the link again.
  expect(new URL(other.url()).hash).toBe('');

  // A cut-off link, opened in a new tab: the damage is reported and the page still opens
  // with a network (the autosave), not a blank or broken one.
  const damaged = await context.newPage();
  await damaged.goto(link.slice(0, -10));
  await waitReady(damaged);
  await expect(damaged.getByTestId('issues-panel')).toContainText('share link is damaged');
  expect(await nodeIds(damaged)).toEqual(['spike_generator']);
  // Pasted into the address bar of an open page (only the hash changes): reported as well.
  await other.goto(link.slice(0, -10));
  await expect(other.getByTestId('issues-panel')).toContainText('share link is damaged');

  // A link never loses the user's network: opening one is a step that Ctrl+Z takes back, in an
  // open page (a hash change) and in a new tab over the autosave alike.
  const own = await dragFromPalette(other, 'poisson', { x: 500, y: 300 });
  await other.goto(link);
  await expect.poll(() => nodeIds(other)).toEqual(['spike_generator']);
  await other.keyboard.press('Control+z');
  await expect.poll(() => nodeIds(other)).toEqual(['spike_generator', own]);
  // The undo autosaves (after a short delay); a new tab with the link opens over it.
  await expect
    .poll(() => other.evaluate(() => window.localStorage.getItem('spikelab.autosave') ?? ''))
    .toContain(own);
  const fresh = await context.newPage();
  await fresh.goto(link);
  await waitReady(fresh);
  expect(await nodeIds(fresh)).toEqual(['spike_generator']);
  await fresh.keyboard.press('Control+z');
  await expect.poll(() => nodeIds(fresh)).toEqual(['spike_generator', own]);
});

test('the examples gallery loads an example', async ({ page }) => {
  await openEmpty(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-single-neuron.json').click();
  await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThan(0);
  await expect(page.getByTestId('network-name')).not.toHaveValue('Untitled network');
});
