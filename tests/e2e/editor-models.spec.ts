import { expect, test, type Page } from '@playwright/test';
import {
  connect,
  dragFromPalette,
  node,
  openEmpty,
  savedDocument,
  selectNode,
  setField,
} from './helpers.ts';
import { rasterPoints, run } from './run-helpers.ts';

// Five drops, edits and a run on a shared two-core machine: give the tests room.
test.describe.configure({ timeout: 120_000 });

interface SavedDoc {
  run: { dt: number };
  populations: { id: string; model: string; params: Record<string, unknown> }[];
  projections: {
    source: string;
    target: string;
    weight: { kind: string; value?: number };
    synapse: Record<string, unknown>;
  }[];
}

async function saved(page: Page): Promise<SavedDoc> {
  return (await savedDocument(page)) as SavedDoc;
}

/** The options of a select in the inspector, by test id. */
async function options(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('option')
    .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
}

test('chip and classroom models: palette, inspector units, presets, chip synapses', async ({
  page,
}, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await openEmpty(page);

  // Every new model has an entry with a drawn icon and a one-line description.
  for (const [model, words] of [
    ['loihi', 'brian2-loihi'],
    ['izhikevich', 'bursting'],
    ['adex', 'adaptation current'],
    ['dynapsim', 'bias currents'],
  ] as const) {
    const item = page.getByTestId(`palette-item-${model}`);
    await expect(item).toContainText(words);
    expect(await item.locator('svg.model-icon > *').count()).toBeGreaterThan(0);
  }

  // Loihi: dropping it into a 0.1 ms network moves dt to 1 ms and says so.
  const loihi = await dragFromPalette(page, 'loihi', { x: 620, y: 110 });
  await expect(page.getByTestId('toast')).toContainText('dt changed from 0.1 to 1 ms');
  expect((await saved(page)).run.dt).toBe(1);
  const inspector = page.getByTestId('population-inspector');
  await expect(inspector).toContainText('Loihi');
  await expect(page.getByTestId('note-threshold_v_mant')).toHaveText('θ = 6400');
  await expect(page.getByTestId('note-decay_I')).toHaveText('τ = 1 step');
  await setField(page, 'threshold_v_mant', '70');
  await setField(page, 'decay_v', '400');
  await expect(page.getByTestId('note-threshold_v_mant')).toHaveText('θ = 4480');
  await expect(page.getByTestId('note-decay_v')).toHaveText('τ = 10.24 steps');
  // Loihi has no current input but its synapses: no current steps to add; v and I to record.
  await expect(page.getByTestId('add-stimulus')).toHaveCount(0);
  expect(await options(page, 'field-probe-variable')).toEqual(['v', 'i_syn']);
  await shot('loihi-inspector');

  // A generator into Loihi gets a Loihi synapse; its mantissa shows the actual weight.
  const gen = await dragFromPalette(page, 'spike_generator', { x: 260, y: 110 });
  await connect(page, gen, loihi);
  await expect(page.getByTestId('projection-inspector')).toBeVisible();
  await expect(page.getByTestId('field-synapse-kind')).toHaveValue('loihi');
  expect(await options(page, 'field-synapse-kind')).toEqual(['loihi']);
  await expect(page.getByTestId('field-sign_mode')).toHaveValue('mixed');
  await expect(page.getByTestId('note-w_exp')).toHaveText('× 2^6 = 64');
  await expect(page.getByTestId('note-weight-mantissa')).toHaveText('actual weight 4096');
  await setField(page, 'weight-mantissa', '50');
  await expect(page.getByTestId('note-weight-mantissa')).toHaveText('actual weight 3200');
  await setField(page, 'w_exp', '2');
  await expect(page.getByTestId('note-w_exp')).toHaveText('× 2^8 = 256');
  await expect(page.getByTestId('note-weight-mantissa')).toHaveText('actual weight 12800');
  // A mantissa outside the sign mode's range is refused with the model's words.
  await setField(page, 'weight-mantissa', '300');
  await expect(page.getByTestId('error-weight-mantissa')).toContainText('between -256 and 254');
  await page.getByTestId('field-weight-mantissa').press('Escape');
  await shot('loihi-synapse');
  const afterLoihi = await saved(page);
  expect(afterLoihi.projections).toHaveLength(1);
  expect(afterLoihi.projections[0]?.synapse).toEqual({
    kind: 'loihi',
    w_exp: 2,
    sign_mode: 'mixed',
    num_weight_bits: 8,
  });
  expect(afterLoihi.projections[0]?.weight).toEqual({ kind: 'constant', value: 50 });

  // Izhikevich: a preset picker fills a, b, c, d in one undoable edit; u is recordable.
  const izh = await dragFromPalette(page, 'izhikevich', { x: 260, y: 330 });
  await expect(page.getByTestId('field-preset')).toHaveValue('rs');
  // The Loihi drop put the run at 1 ms, too coarse for Izhikevich's published patterns.
  await expect(page.getByTestId('preset-dt-warning')).toContainText('steps at 1 ms');
  await page.getByTestId('field-preset').selectOption('ch');
  await expect(page.getByTestId('field-c')).toHaveValue('-50');
  await expect(page.getByTestId('field-d')).toHaveValue('2');
  await expect(page.getByTestId('preset-pattern')).toContainText('bursts');
  expect(await options(page, 'field-probe-variable')).toEqual(['v', 'i_syn', 'u']);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('field-c')).toHaveValue('-65');
  await expect(page.getByTestId('field-preset')).toHaveValue('rs');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('field-preset')).toHaveValue('ch');
  await shot('izhikevich-inspector');

  // AdEx: presets in Naud et al.'s units; w is recordable; a current step starts at 500 pA.
  await dragFromPalette(page, 'adex', { x: 620, y: 330 });
  await expect(page.getByTestId('field-preset')).toHaveValue('tonic');
  await page.getByTestId('field-preset').selectOption('adapting');
  await expect(page.getByTestId('field-tau_w')).toHaveValue('300');
  await expect(page.getByTestId('field-b')).toHaveValue('60');
  expect(await options(page, 'field-probe-variable')).toEqual(['v', 'i_syn', 'w']);
  await page.getByTestId('add-stimulus').click();
  await expect(inspector.locator('[data-testid$="-amplitude"]')).toHaveValue('500');
  await expect(inspector.locator('.stimulus')).toContainText('pA');
  await shot('adex-inspector');

  // DynapSim: currents in pA/nA with the time constants they imply; stored in amperes.
  const dyn = await dragFromPalette(page, 'dynapsim', { x: 440, y: 220 });
  await expect(page.getByTestId('field-Idc')).toHaveValue('0.5');
  await expect(inspector.locator('.field', { has: page.getByTestId('field-Idc') })).toContainText(
    'pA',
  );
  await expect(page.getByTestId('field-Ispkthr')).toHaveValue('100');
  await expect(
    inspector.locator('.field', { has: page.getByTestId('field-Ispkthr') }),
  ).toContainText('nA');
  await expect(page.getByTestId('note-Itau_mem')).toHaveText('τ_mem = 20 ms');
  await expect(page.getByTestId('note-Iref')).toHaveText('t_ref = 1 ms');
  await setField(page, 'Itau_mem', '10');
  await expect(page.getByTestId('note-Itau_mem')).toHaveText('τ_mem = 10.64 ms');
  await setField(page, 'Idc', '50');
  await expect(page.getByTestId('add-stimulus')).toHaveCount(0);
  await shot('dynapsim-inspector');
  const dynSaved = (await saved(page)).populations.find((p) => p.id === dyn);
  expect(dynSaved?.params.Idc).toBe(5e-11);
  expect(dynSaved?.params.Itau_mem).toBe(1e-11);

  // Into DynapSim a connection makes a dpi synapse, its weight shown as the injected current.
  await connect(page, izh, dyn);
  await expect(page.getByTestId('field-synapse-kind')).toHaveValue('dpi');
  await expect(page.getByTestId('note-dpi-weight')).toHaveText('= 10 nA');
  // A chip source into an ordinary neuron stays an ordinary projection.
  await connect(page, loihi, izh);
  await expect(page.getByTestId('field-synapse-kind')).toHaveValue('exponential');
  await expect(node(page, loihi)).toBeVisible();
  await page.keyboard.press('f');
  await shot('canvas');
  const final = await saved(page);
  expect(final.projections.map((p) => [p.target, p.synapse.kind])).toEqual([
    [loihi, 'loihi'],
    [dyn, 'dpi'],
    [izh, 'exponential'],
  ]);
  await selectNode(page, loihi);
});

test('the Loihi example runs from the gallery and the raster shows its spikes', async ({
  page,
}, testInfo) => {
  await openEmpty(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-loihi.json').click();
  await expect(node(page, 'loihi')).toBeVisible();
  // Its synapses carry one mantissa each; the inspector lists the actual weights they give
  // (brian2-loihi: 50 -> 3200, 120 -> 7680, -60 -> -3840 at w_exp 0).
  await page.getByTestId('edge-label-inputs_loihi').click();
  await expect(page.getByTestId('field-mantissas')).toHaveValue('50, 120, -60, 200, 30, 90');
  await expect(page.getByTestId('projection-inspector').locator('.inspector-sub')).toContainText(
    'mixed',
  );
  await expect(page.getByTestId('note-mantissas')).toHaveText(
    'actual weights 3200, 7680, -3840, 12800, 1920, 5760',
  );
  await page.screenshot({ path: testInfo.outputPath('loihi-example-synapse.png') });
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await expect(page.getByTestId('run-backend')).toHaveText('wasm');
  await expect.poll(async () => (await rasterPoints(page)).loihi ?? 0).toBeGreaterThan(0);
  // brian2-loihi's trace has 10 spikes in the first 12 ms, more follow up to 30 ms.
  expect((await rasterPoints(page)).loihi).toBeGreaterThanOrEqual(10);
  await selectNode(page, 'loihi');
  await page.screenshot({ path: testInfo.outputPath('loihi-example-run.png') });
});
