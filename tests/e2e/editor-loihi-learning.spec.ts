import { expect, test, type Page } from '@playwright/test';
import { node, openEmpty, savedDocument, setField } from './helpers.ts';
import { run } from './run-helpers.ts';

// Edits, undo and a run on a shared two-core machine: give the tests room.
test.describe.configure({ timeout: 120_000 });

interface SavedSynapse {
  dw?: string;
  traces?: Record<string, { impulse: number; tau: number }>;
}

interface SavedDoc {
  projections: { id: string; synapse: SavedSynapse }[];
  probes: {
    id: string;
    kind: string;
    projection?: string;
    variable: string;
    synapses?: number[];
  }[];
}

async function saved(page: Page): Promise<SavedDoc> {
  return (await savedDocument(page)) as SavedDoc;
}

async function synapseOf(page: Page): Promise<SavedSynapse> {
  const doc = await saved(page);
  const projection = doc.projections.find((p) => p.id === 'inputs_loihi');
  if (projection === undefined) throw new Error('no projection inputs_loihi');
  return projection.synapse;
}

async function openExample(page: Page, file: string): Promise<void> {
  await openEmpty(page);
  await page.getByTestId('examples-button').click();
  await page.getByTestId(`example-${file}`).click();
}

test('Learning section: rule with inline errors, traces, presets, record weights, undo', async ({
  page,
}, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await openExample(page, 'loihi.json');
  await expect(node(page, 'loihi')).toBeVisible();
  await page.getByTestId('edge-label-inputs_loihi').click();
  const learning = page.getByRole('region', { name: 'Learning' });
  await learning.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('field-rule-preset')).toHaveValue('off');

  // A rule brian2-loihi refuses: its message under the field, the document untouched.
  await setField(page, 'dw', 'x1*y1');
  await expect(page.getByTestId('error-dw')).toContainText(
    'does not contain a dependency factor (x0, y0 or u[0-9])',
  );
  expect((await synapseOf(page)).dw).toBeUndefined();
  await setField(page, 'dw', 'x0/2');
  await expect(page.getByTestId('error-dw')).toHaveText('Division is not allowed.');
  await shot('bad-rule');

  // Pair-based STDP: written, and the traces it reads (x1, y1) switch on.
  await setField(page, 'dw', '2^-2*x1*y0 - 2^-2*y1*x0');
  await expect(page.getByTestId('error-dw')).toHaveCount(0);
  await expect(page.getByTestId('field-rule-preset')).toHaveValue('stdp');
  await expect(page.getByTestId('edge-label-inputs_loihi')).toContainText('2^6 Δw');
  await expect(page.getByTestId('trace-x1-on')).toBeChecked();
  await expect(page.getByTestId('trace-y1-on')).toBeChecked();
  await expect(page.getByTestId('trace-x2-on')).not.toBeChecked();
  await expect(page.getByTestId('trace-x2-impulse')).toBeDisabled();
  let synapse = await synapseOf(page);
  expect(synapse.dw).toBe('2^-2*x1*y0 - 2^-2*y1*x0');
  expect(synapse.traces).toEqual({ x1: { impulse: 40, tau: 8 }, y1: { impulse: 40, tau: 8 } });

  // A trace switched on with the keyboard, its impulse typed (one out of range first).
  await page.getByTestId('trace-x2-on').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('trace-x2-on')).toBeChecked();
  await page.getByTestId('trace-x2-impulse').fill('200');
  await expect(page.getByTestId('error-traces')).toHaveText('x2 impulse: Must be at most 127');
  expect((await synapseOf(page)).traces?.x2).toEqual({ impulse: 40, tau: 8 });
  await page.getByTestId('trace-x2-impulse').fill('12');
  await page.getByTestId('trace-x2-tau').fill('5');
  await expect(page.getByTestId('error-traces')).toHaveCount(0);
  expect((await synapseOf(page)).traces?.x2).toEqual({ impulse: 12, tau: 5 });

  // A trace the rule reads cannot be switched off.
  await page.getByTestId('trace-y1-on').click();
  await expect(page.getByTestId('error-traces')).toHaveText(
    'The rule reads y1: change the rule before switching y1 off',
  );
  await expect(page.getByTestId('trace-y1-on')).toBeChecked();

  // Undo: the typed tau, then the typed impulse, then x2's switch, each one step.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('edge-label-inputs_loihi').click();
  for (const expected of [{ impulse: 12, tau: 8 }, { impulse: 40, tau: 8 }, undefined]) {
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await synapseOf(page)).traces?.x2).toEqual(expected);
  }
  await page.keyboard.press('Control+y');
  await expect
    .poll(async () => (await synapseOf(page)).traces?.x2)
    .toEqual({
      impulse: 40,
      tau: 8,
    });

  // Record weights of the first 4 synapses, then trace y1 of 2.
  await setField(page, 'synapse-count', '7');
  await page.getByTestId('add-synapse-probe').click();
  await expect(page.getByTestId('error-synapse-probe')).toHaveText('Synapses: Must be at most 6');
  await setField(page, 'synapse-count', '4');
  await expect(page.getByTestId('add-synapse-probe')).toHaveText('Record weights');
  await page.getByTestId('add-synapse-probe').click();
  await page.getByTestId('field-synapse-variable').selectOption('y1');
  await setField(page, 'synapse-count', '2');
  await page.getByTestId('add-synapse-probe').click();
  await expect(page.getByTestId('synapse-probe-inputs_loihi_w')).toContainText(
    'weights (w) of synapses 0–3',
  );
  const probes = (await saved(page)).probes.filter((p) => p.kind === 'synapse');
  expect(probes).toEqual([
    {
      id: 'inputs_loihi_w',
      kind: 'synapse',
      projection: 'inputs_loihi',
      variable: 'w',
      synapses: [0, 1, 2, 3],
    },
    {
      id: 'inputs_loihi_y1',
      kind: 'synapse',
      projection: 'inputs_loihi',
      variable: 'y1',
      synapses: [0, 1],
    },
  ]);

  // A preset replaces the rule (one undo step).
  await page.getByTestId('field-rule-preset').selectOption('depress');
  await expect(page.getByTestId('field-dw')).toHaveValue('-2^-2*y1*x0');
  synapse = await synapseOf(page);
  expect(synapse.dw).toBe('-2^-2*y1*x0');
  await shot('learning-section');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await synapseOf(page)).dw).toBe('2^-2*x1*y0 - 2^-2*y1*x0');
});

test('the Loihi learning example runs and the weights panel draws the two weights apart', async ({
  page,
}, testInfo) => {
  await openExample(page, 'loihi-learning.json');
  await expect(node(page, 'neuron')).toBeVisible();
  await run(page);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  const lines = () =>
    page.getByTestId('weights-plot').evaluate((div) => {
      const data = (div as HTMLElement & { data?: { name?: string; y?: ArrayLike<number> }[] })
        .data;
      return (data ?? []).map((t) => ({ name: t.name ?? '', y: Array.from(t.y ?? []) }));
    });
  await expect.poll(async () => (await lines()).length).toBe(2);
  const [grows, shrinks] = await lines();
  expect(grows?.name).toBe('stdp w #0 (0→0)');
  expect(shrinks?.name).toBe('stdp w #1 (1→0)');
  // Input 0 fires before the neuron: its weight rises to the excitatory maximum; input 1
  // fires after: its weight falls to 0.
  expect(grows?.y.at(-1)).toBe(255);
  expect(shrinks?.y.at(-1)).toBe(0);
  expect(grows?.y[0]).toBeLessThan(110);
  await expect(page.getByTestId('synapse-traces-plot')).toBeVisible();
  await page.getByTestId('weights-plot').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('learning-run.png') });
  await page.getByTestId('edge-label-stdp').click();
  await page.getByRole('region', { name: 'Learning' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('learning-example-inspector.png') });
});
