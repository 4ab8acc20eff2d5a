import { expect, test, type Page } from '@playwright/test';
import { dragFromPalette, openEmpty, savedDocument, setField } from './helpers.ts';

interface SavedLayer {
  id: string;
  params: { noise_std: number; fixed_point?: Record<string, number> };
}

async function savedLayer(page: Page, id: string): Promise<SavedLayer | undefined> {
  const doc = (await savedDocument(page)) as { populations: SavedLayer[] };
  return doc.populations.find((p) => p.id === id);
}

test('an SC layer switches to fixed point in the inspector, edits its widths, switches back', async ({
  page,
}) => {
  await openEmpty(page);
  const layer = await dragFromPalette(page, 'sc_dense', { x: 300, y: 220 });
  const toggle = page.getByTestId('field-fixed_point');
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('field-fixed_point-total_bits')).toHaveCount(0);

  // On: the widths Quantise for hardware picks at 16 bits (S = 16 for the leak dt/tau_mem at
  // the new network's dt), and the noise goes (the integer neuron has none).
  await toggle.check();
  await expect(page.getByTestId('field-fixed_point-total_bits')).toHaveValue('16');
  await expect
    .poll(async () => (await savedLayer(page, layer))?.params)
    .toMatchObject({
      noise_std: 0,
      fixed_point: { total_bits: 16, fraction_bits: 14, scale_bits: 16 },
    });

  // A fraction wider than W - 2 is refused with the model's message; a narrower one is kept.
  await setField(page, 'fixed_point-fraction_bits', '15');
  await expect(page.getByTestId('error-fixed_point-fraction_bits')).toContainText(
    'total_bits - 2 (14)',
  );
  await setField(page, 'fixed_point-fraction_bits', '10');
  await expect
    .poll(async () => (await savedLayer(page, layer))?.params.fixed_point?.fraction_bits)
    .toBe(10);

  await toggle.uncheck();
  await expect(page.getByTestId('field-fixed_point-total_bits')).toHaveCount(0);
  await expect
    .poll(async () => (await savedLayer(page, layer))?.params.fixed_point)
    .toBeUndefined();
});
