/**
 * The SC operations (AND, OR, XOR, NOT, MUX, popcount, fused AND+popcount) in real Chromium on
 * the gpu.js modes that exist only in a browser, webgl2 and webgpu (SwiftShader when headless),
 * and on wasm and webasm in the page, each bit for bit equal to the JavaScript operations on
 * streams of 0, 1, 31, 32, 33, 4095 and 65537 bits (tail invariant included). The comparison
 * runs in the page (`sc-ops/page.ts`); a backend that cannot start fails the test.
 */
import { expect, test } from '@playwright/test';
import type { BitstreamBackendName } from '../../src/engine/sc/index.ts';
import type { ScComparison } from './sc-ops/page.ts';

test.describe.configure({ timeout: 240_000 });

const BACKENDS: BitstreamBackendName[] = ['wasm', 'gpu:webasm', 'gpu:webgl2', 'gpu:webgpu'];

test('SC operations on wasm, webasm, webgl2 and webgpu equal the JS operations bit for bit', async ({
  page,
}) => {
  await page.goto('/tests/e2e/sc-ops/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  for (const name of BACKENDS) {
    const result: ScComparison = await page.evaluate((backend) => {
      const api = window.__scOps;
      if (!api) throw new Error('SC operations page not loaded');
      return api.compare(backend);
    }, name);
    console.log(name, `${result.checked} operations compared`, result.mismatches.slice(0, 5));
    expect(result.unavailable, `${name} did not start`).toBeNull();
    // 7 lengths x 5 input combinations x 8 checks.
    expect(result.checked).toBe(7 * 5 * 8);
    expect(result.mismatches, `${name} differs from the JS operations`).toEqual([]);
  }
});

test('the bench measures AND+popcount on every backend in the page, each count checked', async ({
  page,
}) => {
  await page.goto('/tests/e2e/sc-ops/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const names: BitstreamBackendName[] = ['js', ...BACKENDS];
  // 2^20 words = 32 Mbit per stream, as `npx spikelab bench` uses.
  const rows = await page.evaluate(
    ([backends, words]) => {
      const api = window.__scOps;
      if (!api) throw new Error('SC operations page not loaded');
      return api.bench(backends, words);
    },
    [names, 1 << 20] as const,
  );
  const summary = rows.map((r) =>
    r.status === 'ok' ? `${r.backend} ${r.gbitPerS.toFixed(2)} Gbit/s` : `${r.backend} ${r.status}`,
  );
  console.log(summary.join('; '));
  test
    .info()
    .annotations.push({ type: 'AND+popcount in Chromium', description: summary.join('; ') });
  expect(rows.map((r) => r.backend)).toEqual(names);
  for (const row of rows) {
    // An ok row's count equalled the JavaScript count on every pass (bench.ts checks it).
    expect(row.status === 'ok' ? 'ok' : `${row.status}: ${row.reason}`, row.backend).toBe('ok');
  }
});
