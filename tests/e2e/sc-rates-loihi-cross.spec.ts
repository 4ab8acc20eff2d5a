/**
 * SC rates layers reading a Loihi population (CONTEXT.md step 5b: the trace adds the Loihi
 * spikes of step t-1) in the browser: the unit tests' network runs to its end in the real engine
 * worker on `reference`, `wasm`, and the gpu.js modes `webgl2` and `webgpu` (SwiftShader in
 * headless Chromium), where the gpu backend's trace rows test a history bit in GLSL and WGSL.
 * Every spike and every probed sample must be equal. A backend that cannot run fails the test.
 */
import { expect, test } from '@playwright/test';
import { loihiRatesDocument } from '../unit/engine/fixtures/sc-rates-loihi-network.ts';
import { runAll } from './harness/run-all.ts';
import type { BackendSpikes } from './harness/run-backend.ts';

test.describe.configure({ timeout: 240_000 });

const STEPS = 120;

function expectRan(run: BackendSpikes | undefined, resolved: string): BackendSpikes {
  expect(run, `no result for ${resolved}`).toBeDefined();
  const r = run as BackendSpikes;
  expect(r.fault, `${resolved} failed: ${r.fault?.message ?? ''}`).toBeNull();
  // A named backend must run as itself, never fall back silently.
  expect(r.backend).toBe(resolved);
  expect(r.steps).toBe(STEPS);
  return r;
}

test('SC rates reading Loihi: wasm, webgl2 and webgpu equal to reference', async ({ page }) => {
  const doc = loihiRatesDocument(STEPS);
  const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
  const reference = expectRan(runs['reference'], 'reference');
  // The layer reading L counts channel 0 from step 4 and channel 1 from step 5 (L fires at 2, 3).
  const t = reference.traces['i_T']?.values ?? [];
  expect(t.slice(0, 6)).toEqual([0, 0, 0, 0, Math.fround(0.1), Math.fround(0.2)]);
  expect(reference.spikes['R']?.steps.length ?? 0).toBeGreaterThan(10);
  for (const [choice, resolved] of [
    ['wasm', 'wasm'],
    ['webgl2', 'gpu:webgl2'],
    ['webgpu', 'gpu:webgpu'],
  ] as const) {
    const run = expectRan(runs[choice], resolved);
    for (const p of doc.populations.map((q) => q.id))
      expect(run.spikes[p], `${choice} spikes of ${p}`).toEqual(reference.spikes[p]);
    for (const probe of doc.probes.filter((q) => q.kind === 'state'))
      expect(run.traces[probe.id], `${choice} ${probe.id}`).toEqual(reference.traces[probe.id]);
  }
});
