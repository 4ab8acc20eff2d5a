import { expect, test, type Page } from '@playwright/test';
import { openEmpty, openFresh, savedDocument, setField } from './helpers.ts';
import { run } from './run-helpers.ts';

// Edits, undo and runs on a shared two-core machine: give the tests room.
test.describe.configure({ timeout: 120_000 });

interface SavedProjection {
  id: string;
  weight: { kind: string; value?: number; values?: number[] };
  plasticity?: Record<string, unknown>;
  stp?: Record<string, number>;
  structural?: Record<string, number>;
}

interface SavedDoc {
  projections: SavedProjection[];
  probes: { id: string; kind: string; projection?: string; variable?: string }[];
}

async function saved(page: Page): Promise<SavedDoc> {
  return (await savedDocument(page)) as SavedDoc;
}

async function projection(page: Page, id: string): Promise<SavedProjection> {
  const found = (await saved(page)).projections.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no projection ${id}`);
  return found;
}

async function openExample(page: Page, file: string): Promise<void> {
  await openEmpty(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId(`example-${file}`).click();
}

/** The lines of the Weights panel: name and y values, as plotly holds them. */
function weightLines(page: Page) {
  return page.getByTestId('weights-plot').evaluate((div) => {
    const data = (div as HTMLElement & { data?: { name?: string; y?: ArrayLike<number> }[] }).data;
    return (data ?? []).map((t) => ({ name: t.name ?? '', y: Array.from(t.y ?? []) }));
  });
}

test('Plasticity section: rules with defaults, inline errors, reward, STP, structural, record, undo', async ({
  page,
}, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await openFresh(page);
  await page.getByTestId('edge-label-input_exc').click();
  await page.getByRole('region', { name: 'Plasticity', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('field-plasticity-rule')).toHaveValue('none');
  await expect(page.getByTestId('plasticity-description')).toContainText('The weights stay as set');

  // STDP with defaults at the projection's scale (weight 0.08): w in [0, 0.16], steps of 1/20.
  await page.getByTestId('field-plasticity-rule').selectOption('stdp');
  await expect(page.getByTestId('plasticity-description')).toContainText('A+·exp(-dt/τ+)');
  expect((await projection(page, 'input_exc')).plasticity).toEqual({
    rule: 'stdp',
    a_plus: 0.008,
    a_minus: 0.0084,
    tau_plus: 20,
    tau_minus: 20,
    w_min: 0,
    w_max: 0.16,
  });
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('τ5 STDP');

  // The model refuses w max below w min: its message at the field, the document untouched.
  await setField(page, 'plasticity-w_max', '-1');
  await expect(page.getByTestId('error-plasticity-w_max')).toHaveText(
    'Must be >= w_min (0), got -1',
  );
  expect((await projection(page, 'input_exc')).plasticity?.w_max).toBe(0.16);
  await setField(page, 'plasticity-tau_plus', 'abc');
  await expect(page.getByTestId('error-plasticity-tau_plus')).toHaveText('"abc" is not a number');
  await shot('plasticity-errors');
  await setField(page, 'plasticity-w_max', '0.2');
  await expect(page.getByTestId('error-plasticity-w_max')).toHaveCount(0);
  await page.getByTestId('field-plasticity-tau_plus').press('Escape');
  expect((await projection(page, 'input_exc')).plasticity?.w_max).toBe(0.2);

  // R-STDP keeps STDP's parameters and takes its reward from a population that is neither end.
  await page.getByTestId('field-plasticity-rule').selectOption('rstdp');
  await expect(page.getByTestId('field-plasticity-reward')).toHaveValue('inh');
  expect((await projection(page, 'input_exc')).plasticity).toMatchObject({
    rule: 'rstdp',
    w_max: 0.2,
    tau_eligibility: 1000,
    tau_reward: 200,
    reward: { population: 'inh', amount: 1 },
  });

  // Short-term plasticity: on with defaults; U above 1 is refused by the field.
  await page.getByTestId('field-stp-on').check();
  expect((await projection(page, 'input_exc')).stp).toEqual({ U: 0.5, tau_d: 200, tau_f: 20 });
  await setField(page, 'stp-U', '1.5');
  await expect(page.getByTestId('error-stp-U')).toHaveText('Must be at most 1');
  await setField(page, 'stp-U', '0.2');
  expect((await projection(page, 'input_exc')).stp?.U).toBe(0.2);

  // Structural plasticity: grow_high below grow_low is the model's to refuse.
  await page.getByTestId('field-structural-on').check();
  expect((await projection(page, 'input_exc')).structural).toMatchObject({ interval: 100 });
  await setField(page, 'structural-grow_high', '0.01');
  await expect(page.getByTestId('error-structural-grow_high')).toContainText(
    'Must be >= grow_low (0.04), got 0.01',
  );
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('τ5 R-STDP STP struct');

  // Record the eligibility of the first 2 synapses.
  await page.getByTestId('field-synapse-variable').selectOption('eligibility');
  await setField(page, 'synapse-count', '2');
  await page.getByTestId('add-synapse-probe').click();
  await expect(page.getByTestId('synapse-probe-input_exc_eligibility')).toContainText(
    'eligibility of synapses 0, 1',
  );
  await shot('plasticity-section');

  // Undo, one step each: the probe, structural, U, STP, R-STDP, w max, STDP.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const undo = async () => {
    await page.keyboard.press('Control+z');
  };
  await undo();
  await expect
    .poll(async () => (await saved(page)).probes.some((p) => p.kind === 'synapse'))
    .toBe(false);
  await undo();
  await expect.poll(async () => (await projection(page, 'input_exc')).structural).toBeUndefined();
  await undo();
  await expect.poll(async () => (await projection(page, 'input_exc')).stp?.U).toBe(0.5);
  await undo();
  await expect.poll(async () => (await projection(page, 'input_exc')).stp).toBeUndefined();
  await undo();
  await expect
    .poll(async () => (await projection(page, 'input_exc')).plasticity?.rule)
    .toBe('stdp');
  await undo();
  await expect.poll(async () => (await projection(page, 'input_exc')).plasticity?.w_max).toBe(0.16);
  await undo();
  await expect.poll(async () => (await projection(page, 'input_exc')).plasticity).toBeUndefined();
  await page.getByTestId('edge-label-input_exc').click();
  await expect(page.getByTestId('field-plasticity-rule')).toHaveValue('none');
});

test('STDP example: weights separate live; Keep learned weights writes them, undoably', async ({
  page,
}, testInfo) => {
  await openExample(page, 'stdp.json');
  await expect(page.getByTestId('edge-label-pattern_out')).toContainText('δ STDP');
  // A run within the plots' 1 s window, so the Weights panel shows it from the start.
  await page.getByTestId('duration-input').fill('800');
  await page.getByTestId('duration-input').press('Enter');
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await expect.poll(async () => (await weightLines(page)).length).toBe(8);
  const lines = await weightLines(page);
  expect(lines.map((l) => l.name)).toEqual([
    ...[0, 1, 2, 3].map((k) => `pattern_out w #${k} (${k}→0)`),
    ...[0, 1, 2, 3].map((k) => `noise_out w #${k} (${k}→0)`),
  ]);
  const pattern = lines.slice(0, 4);
  const noise = lines.slice(4);
  // All eight start at 0.3; the synchronous inputs grow, the random ones end below them.
  for (const l of lines) expect(l.y[0]).toBeCloseTo(0.3, 1);
  for (const l of pattern) expect(l.y.at(-1)).toBeGreaterThan(0.45);
  expect(Math.max(...noise.map((l) => l.y.at(-1) ?? 1))).toBeLessThan(
    Math.min(...pattern.map((l) => l.y.at(-1) ?? 0)),
  );
  await page.getByTestId('weights-plot').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('stdp-run.png') });

  // Keep learned weights: the plotted end values become the projections' explicit weights.
  await page.getByTestId('keep-weights-button').click();
  await expect(page.getByTestId('toast').last()).toContainText(
    'Kept the weights of pattern_out, noise_out learned by 800 ms',
  );
  const kept = await projection(page, 'pattern_out');
  expect(kept.weight.kind).toBe('explicit');
  expect(kept.weight.values).toHaveLength(4);
  kept.weight.values?.forEach((w, k) => expect(w).toBeCloseTo(pattern[k]?.y.at(-1) ?? NaN, 6));
  await expect(page.getByTestId('network-changed')).toBeVisible();
  await page.getByTestId('edge-label-pattern_out').click();
  await expect(page.getByTestId('field-weight-kind')).toHaveValue('explicit');
  await expect(page.getByTestId('weight-explicit-summary')).toContainText(
    '4 values, one per synapse',
  );
  await page.screenshot({ path: testInfo.outputPath('stdp-kept.png') });

  // One undo restores both projections' constant weights.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await projection(page, 'pattern_out')).weight)
    .toEqual({
      kind: 'constant',
      value: 0.3,
    });
  expect((await projection(page, 'noise_out')).weight).toEqual({ kind: 'constant', value: 0.3 });

  // Redo, then "Reset to constant (mean)".
  await page.keyboard.press('Control+y');
  await expect
    .poll(async () => (await projection(page, 'pattern_out')).weight.kind)
    .toBe('explicit');
  const values = (await projection(page, 'pattern_out')).weight.values ?? [];
  await page.getByTestId('edge-label-pattern_out').click();
  await page.getByTestId('weight-explicit-reset').click();
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const reset = (await projection(page, 'pattern_out')).weight;
  expect(reset.kind).toBe('constant');
  expect(reset.value).toBeCloseTo(mean, 5);
});

test('R-STDP example: only the rewarded input learns', async ({ page }, testInfo) => {
  await openExample(page, 'rstdp.json');
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await expect.poll(async () => (await weightLines(page)).length).toBe(2);
  const [a, b] = await weightLines(page);
  expect(a?.name).toBe('inputs_out w #0 (0→0)');
  expect(a?.y.at(-1)).toBe(3);
  expect(b?.y.at(-1)).toBeLessThan(1.3);
  await expect(page.getByTestId('synapse-traces-plot')).toBeVisible();
  await page.getByTestId('weights-plot').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('rstdp-run.png') });
});
