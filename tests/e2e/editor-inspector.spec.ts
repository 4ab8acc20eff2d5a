import { expect, test } from '@playwright/test';
import { node, openFresh, savedDocument, selectNode, setField } from './helpers.ts';

interface SavedPopulation {
  id: string;
  size: number;
  params: Record<string, unknown>;
}

async function savedPopulation(page: Parameters<typeof savedDocument>[0], id: string) {
  const doc = (await savedDocument(page)) as { populations: SavedPopulation[] };
  return doc.populations.find((p) => p.id === id);
}

test('edits a parameter in the inspector and the node shows it', async ({ page }) => {
  await openFresh(page);
  await selectNode(page, 'exc');
  await expect(page.getByTestId('field-tau_mem')).toHaveValue('20');
  await setField(page, 'tau_mem', '12.5');
  await expect(node(page, 'exc')).toContainText('τ 12.5 ms');
  await setField(page, 'size', '250');
  await expect(node(page, 'exc')).toContainText('250 neurons');
  expect(await savedPopulation(page, 'exc')).toMatchObject({
    size: 250,
    params: { tau_mem: 12.5 },
  });
});

test('an invalid value is explained inline and never written', async ({ page }) => {
  await openFresh(page);
  await selectNode(page, 'exc');
  await setField(page, 'tau_mem', '-5');
  await expect(page.getByTestId('error-tau_mem')).toContainText('at least');
  await setField(page, 'tau_mem', 'abc');
  await expect(page.getByTestId('error-tau_mem')).toContainText('not a number');
  await expect(page.getByTestId('field-tau_mem')).toHaveAttribute('aria-invalid', 'true');
  // The canvas and the saved document still hold the last valid value.
  await expect(node(page, 'exc')).toContainText('τ 20 ms');
  expect((await savedPopulation(page, 'exc'))?.params.tau_mem).toBe(20);
  // Escape gives the field back its document value.
  await page.getByTestId('field-tau_mem').press('Escape');
  await expect(page.getByTestId('field-tau_mem')).toHaveValue('20');
  await expect(page.getByTestId('error-tau_mem')).toHaveCount(0);
});

test('a value the model refuses in context is explained (reset above threshold)', async ({
  page,
}) => {
  await openFresh(page);
  await selectNode(page, 'exc');
  await setField(page, 'v_reset', '5');
  await expect(page.getByTestId('error-v_reset')).toBeVisible();
  expect((await savedPopulation(page, 'exc'))?.params.v_reset).toBe(0);
});

test('switches the connectivity rule of a projection and edits its parameter', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('edge-label-input_exc').click();
  await expect(page.getByTestId('projection-inspector')).toContainText('input → exc');
  await page.getByTestId('field-rule').selectOption('fixed_fan_in');
  await setField(page, 'k', '40');
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('k=40');
  // A fan-in larger than the source is refused with the model's reason.
  await setField(page, 'k', '500');
  await expect(page.getByTestId('error-k')).toContainText('100');
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('k=40');
  // One-to-one needs equal sizes (100 inputs, 80 excitatory): refused, rule unchanged.
  await page.getByTestId('field-rule').selectOption('one_to_one');
  await expect(page.getByTestId('error-rule')).toContainText('equal sizes');
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('k=40');
});

test('weights set the sign of a projection, and synapse kind is editable', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('edge-label-input_exc').click();
  await setField(page, 'weight-value', '-0.3');
  await expect(page.getByTestId('edge-label-input_exc')).toHaveClass(/proj-inhibitory/);
  await page.getByTestId('field-weight-kind').selectOption('uniform');
  await expect(page.getByTestId('field-weight-low')).toBeVisible();
  await page.getByTestId('field-synapse-kind').selectOption('delta');
  await expect(page.getByTestId('edge-label-input_exc')).toContainText('δ');
});

test('run settings show when nothing is selected', async ({ page }) => {
  await openFresh(page);
  await page.keyboard.press('Escape');
  await setField(page, 'dt', '0.05');
  await setField(page, 'seed', '42');
  await setField(page, 'dt', '0');
  await expect(page.getByTestId('error-dt')).toBeVisible();
  const doc = (await savedDocument(page)) as { run: { dt: number; seed: number } };
  expect(doc.run).toMatchObject({ dt: 0.05, seed: 42 });
});

test('adds a membrane trace probe and a current step to a population', async ({ page }) => {
  await openFresh(page);
  await selectNode(page, 'inh');
  await page.getByTestId('field-probe-neurons').fill('4, 5');
  await page.getByTestId('add-state-probe').click();
  await expect(page.locator('[data-testid^="state-probe-"]')).toContainText('neurons 4, 5');
  await page.getByTestId('field-probe-neurons').fill('3, 99');
  await page.getByTestId('add-state-probe').click();
  await expect(page.getByTestId('error-probe-neurons')).toContainText('at most 19');
  await page.getByTestId('add-stimulus').click();
  await expect(page.locator('[data-testid^="stimulus-"]')).toHaveCount(1);
  await page.getByTestId('field-probe-spikes').uncheck();
  const doc = (await savedDocument(page)) as {
    probes: { kind: string; population: string; neurons?: number[] }[];
    stimuli: { target: string }[];
  };
  expect(doc.probes.filter((p) => p.population === 'inh').map((p) => p.kind)).toEqual([
    'rate',
    'state',
  ]);
  expect(doc.stimuli.map((s) => s.target)).toEqual(['inh']);
  await expect(node(page, 'inh')).toContainText('⎍ 1');
});
