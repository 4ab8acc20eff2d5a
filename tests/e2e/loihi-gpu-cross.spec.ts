/**
 * Loihi populations on the gpu backend in the browser (issue 5): the mixed Loihi network of the
 * unit tests (Loihi among Poisson, generator and LIF populations, Loihi synapses in every sign
 * mode with delays 0-62, recurrence, refractory periods 1-64) runs to its end in the real
 * engine worker on `reference`, `wasm`, and the gpu.js modes `webgl2` and `webgpu` (SwiftShader
 * in headless Chromium). Loihi's arithmetic is exact integers in float32 on every mode
 * (src/engine/backends/gpu/loihi-kernels.ts), and SwiftShader does not fuse the LIF's
 * multiply-adds, so every spike and every probed v and I must be equal. A backend that cannot
 * run fails the test; it never skips.
 */
import { expect, test } from '@playwright/test';
import { mixedLoihiNetwork } from '../unit/engine/fixtures/loihi-gpu-networks.ts';
import { runAll } from './harness/run-all.ts';
import type { BackendSpikes } from './harness/run-backend.ts';

test.describe.configure({ timeout: 240_000 });

const STEPS = 200;

function expectRan(run: BackendSpikes | undefined, resolved: string): BackendSpikes {
  expect(run, `no result for ${resolved}`).toBeDefined();
  const r = run as BackendSpikes;
  expect(r.fault, `${resolved} failed: ${r.fault?.message ?? ''}`).toBeNull();
  // A named backend must run as itself, never fall back silently.
  expect(r.backend).toBe(resolved);
  expect(r.steps).toBe(STEPS);
  return r;
}

/** Spikes as `step:index` keys, per population. */
function keys(run: BackendSpikes, population: string): string[] {
  const s = run.spikes[population] ?? { steps: [], indices: [] };
  return s.steps.map((step, k) => `${step}:${s.indices[k] ?? -1}`);
}

test('Loihi network: wasm, webgl2 and webgpu equal to reference in every spike, v and I', async ({
  page,
}) => {
  const doc = mixedLoihiNetwork(3, STEPS);
  const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
  const reference = expectRan(runs['reference'], 'reference');
  const populations = doc.populations.map((p) => p.id);
  const traces = doc.probes.filter((p) => p.kind === 'state').map((p) => p.id);
  // The network must be doing something for the comparison to mean anything.
  for (const p of ['exc', 'inh', 'slow', 'lif', 'readout'])
    expect(reference.spikes[p]?.steps.length ?? 0, `${p} spikes`).toBeGreaterThan(10);
  for (const t of ['exc_v', 'exc_i', 'inh_v', 'slow_i'])
    expect(
      reference.traces[t]?.values.some((x) => x !== 0),
      `${t} moves`,
    ).toBe(true);
  for (const [choice, resolved] of [
    ['wasm', 'wasm'],
    ['webgl2', 'gpu:webgl2'],
    ['webgpu', 'gpu:webgpu'],
  ] as const) {
    const run = expectRan(runs[choice], resolved);
    const counts = populations.map((p) => `${p} ${run.spikes[p]?.steps.length ?? 0}`);
    console.log(doc.name, choice, counts.join(', '));
    for (const p of populations) expect(keys(run, p), `${choice} ${p}`).toEqual(keys(reference, p));
    for (const t of traces) expect(run.traces[t], `${choice} ${t}`).toEqual(reference.traces[t]);
  }
});
