/**
 * Runs one document on several backends inside the test harness page (`index.html`), one after
 * another, and returns each backend's spikes and state samples: the cross-backend specs compare
 * them.
 */
import { expect, type Page } from '@playwright/test';
import type { NetworkDocument } from '../../../src/model/document.ts';
import type { BackendSpikes } from './run-backend.ts';

export async function runAll(
  page: Page,
  doc: NetworkDocument,
  backends: string[],
): Promise<Record<string, BackendSpikes>> {
  await page.goto('/tests/e2e/harness/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const out: Record<string, BackendSpikes> = {};
  for (const backend of backends) {
    out[backend] = await page.evaluate(
      ([d, b]) => {
        const api = window.__spikelab;
        if (!api) throw new Error('harness not loaded');
        return api.runOnBackend(d, b as NetworkDocument['run']['backend']);
      },
      [doc, backend] as const,
    );
  }
  return out;
}
