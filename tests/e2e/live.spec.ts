/**
 * Live parameters as a student uses them: "Add live control" on a stimulus amplitude, the slider
 * editing the document without a run (one undo step), then, during a run at real time, the
 * same slider raising the drive: the firing rate recorded in the chunks after the change is
 * several times the rate before it, the change is marked on the plots' time axis and logged.
 */
import { expect, test, type Page } from '@playwright/test';
import type { NetworkDocument } from '../../src/model/document.ts';
import { encodeShareHash } from '../../src/store/persistence/share-url.ts';
import { waitReady } from './helpers.ts';

const SHOTS = process.env.LP_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** 40 noisy LIF neurons and a current step below threshold over the whole run: they fire rarely. */
function network(): NetworkDocument {
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'live drive',
    populations: [
      {
        id: 'exc',
        size: 40,
        position: { x: 0, y: 0 },
        model: 'stochastic_lif',
        params: {
          v_rest: 0,
          v_reset: 0,
          v_threshold: 1,
          tau_mem: 20,
          resistance: 1,
          noise_std: 0.01,
          refractory_period: 2,
          bias: 0,
          v_init: { kind: 'uniform', low: 0, high: 1 },
        },
      },
    ],
    projections: [],
    stimuli: [
      { id: 'drive', kind: 'current_step', target: 'exc', start: 0, stop: 20000, amplitude: 0.04 },
    ],
    probes: [
      { id: 'spikes', kind: 'spikes', population: 'exc' },
      { id: 'rate', kind: 'rate', population: 'exc', bin: 10 },
    ],
    run: { dt: 0.1, duration: 20000, seed: 3, backend: 'wasm' },
  };
}

/** Spikes of `exc` the page recorded in steps [from, to). */
async function spikesBetween(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ from, to }) => {
      const s = window.__spikelabSession?.getState().record?.spikes.get('exc')?.full;
      if (!s) return -1;
      let n = 0;
      for (let i = 0; i < s.length; i++) {
        const step = s.steps[i] ?? -1;
        if (step >= from && step < to) n++;
      }
      return n;
    },
    { from, to },
  );
}

const endStep = (page: Page): Promise<number> =>
  page.evaluate(() => window.__spikelabSession?.getState().record?.endStep ?? 0);

test('a live slider changes the firing rate of a running network within the next chunks', async ({
  page,
}) => {
  await page.goto(`/?test=1#${await encodeShareHash(network())}`);
  await waitReady(page);
  const panel = page.getByTestId('live-panel');
  await expect(panel).toContainText('Sliders here change a running network');

  // Add a slider for the amplitude; its default range is 0 .. twice the value.
  await panel.getByTestId('live-add-select').selectOption('stimuli/drive/amplitude');
  await panel.getByTestId('live-add').click();
  const slider = page.getByTestId('live-input-stimuli-drive-amplitude');
  const readout = page.getByTestId('live-value-stimuli-drive-amplitude');
  await expect(slider).toHaveAttribute('max', '0.08');
  await expect(readout).toHaveText('0.04');

  // Without a run the slider edits the document: two key presses, one undo step.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(readout).toHaveText('0.0416');
  await page.getByTestId('undo').click();
  await expect(readout).toHaveText('0.04');

  // Run at real time; after 0.6 s of simulated time, push the drive to the top of the range.
  const span = 5_000; // steps (0.5 s) on either side of the change
  await page.getByTestId('speed-select').selectOption('1');
  await page.getByTestId('run-button').click();
  await expect.poll(() => endStep(page), { timeout: 30_000 }).toBeGreaterThan(span + 1_000);
  // Slowed to a tenth of real time, the change stays in the plots' 1 s window for 10 s.
  await page.getByTestId('speed-select').selectOption('0.1');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(readout).toHaveText('0.08');
  await expect
    .poll(() =>
      page.evaluate(() => window.__spikelabSession?.getState().record?.liveChanges.length),
    )
    .toBe(1);
  const changedAt = await page.evaluate(
    () => window.__spikelabSession?.getState().record?.liveChanges[0]?.step ?? -1,
  );
  expect(changedAt).toBeGreaterThan(span);
  // The run never paused or restarted: the change came while it streamed, marked on the plots.
  await expect(page.getByTestId('run-status')).toHaveText(/running/);
  const ms = Number((changedAt * 0.1).toPrecision(6));
  await expect(page.getByTestId('live-markers')).toContainText(
    `drive · Amplitude = 0.08 at ${ms} ms`,
  );
  if (SHOTS !== undefined) {
    await page.getByTestId('plots-panel').screenshot({ path: `${SHOTS}/live-plots.png` });
  }
  await shot(page, 'live-run');
  await page.getByTestId('speed-select').selectOption('Infinity');

  await expect.poll(() => endStep(page), { timeout: 30_000 }).toBeGreaterThan(changedAt + span);
  const before = await spikesBetween(page, changedAt - span, changedAt);
  const after = await spikesBetween(page, changedAt, changedAt + span);
  console.log(`live: ${before} spikes in the 0.5 s before the change, ${after} after`);
  expect(after).toBeGreaterThan(3 * Math.max(before, 10));
});
