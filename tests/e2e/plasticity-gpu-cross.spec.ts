/**
 * Weight rules on the gpu backend in the browser (issue 6): the plastic network of the unit
 * tests (STDP with per-synapse delays and clipping, recurrent STDP, R-STDP onto LIF and
 * Izhikevich, OnlineO1 onto exponential synapses and with per-synapse delays) runs to its end in
 * the real engine worker on `reference`, `wasm`, and the gpu.js modes `webgl2` and `webgpu`
 * (SwiftShader in headless Chromium). OnlineO1 is exact integer arithmetic in float32 on every
 * mode, and SwiftShader does not fuse multiply-adds, so every spike, every probed v and I, and
 * every synapse probe (weights and traces, each step) must be equal. A backend that cannot run
 * fails the test; it never skips.
 */
import { expect, test } from '@playwright/test';
import { plasticNetwork } from '../unit/engine/gpu-plasticity-networks.ts';
import { runAll } from './harness/run-all.ts';
import type { BackendSpikes } from './harness/run-backend.ts';

test.describe.configure({ timeout: 300_000 });

const DURATION_MS = 200;

function expectRan(run: BackendSpikes | undefined, resolved: string, steps: number) {
  expect(run, `no result for ${resolved}`).toBeDefined();
  const r = run as BackendSpikes;
  expect(r.fault, `${resolved} failed: ${r.fault?.message ?? ''}`).toBeNull();
  // A named backend must run as itself, never fall back silently.
  expect(r.backend).toBe(resolved);
  expect(r.steps).toBe(steps);
  return r;
}

/** Spikes as `step:index` keys, per population. */
function keys(run: BackendSpikes, population: string): string[] {
  const s = run.spikes[population] ?? { steps: [], indices: [] };
  return s.steps.map((step, k) => `${step}:${s.indices[k] ?? -1}`);
}

test('STDP, R-STDP and OnlineO1: wasm, webgl2 and webgpu equal to reference in every spike, state and weight', async ({
  page,
}) => {
  const doc = plasticNetwork(1, DURATION_MS);
  const steps = Math.round(DURATION_MS / doc.run.dt);
  const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
  const reference = expectRan(runs['reference'], 'reference', steps);
  const populations = doc.populations.map((p) => p.id);
  const traces = Object.keys(reference.traces);
  // The network must be learning for the comparison to mean anything: some probed weight moves.
  expect(
    traces.filter((t) => doc.probes.find((p) => p.id === t)?.kind === 'synapse').length,
  ).toBeGreaterThan(10);
  const moved = traces.filter((t) => {
    const v = reference.traces[t]?.values ?? [];
    return /_w_|_w$/.test(t) && v.some((x) => x !== v[0]);
  });
  expect(moved.length, 'probed weights that change').toBeGreaterThanOrEqual(3);
  for (const [choice, resolved] of [
    ['wasm', 'wasm'],
    ['webgl2', 'gpu:webgl2'],
    ['webgpu', 'gpu:webgpu'],
  ] as const) {
    const run = expectRan(runs[choice], resolved, steps);
    const counts = populations.map((p) => `${p} ${run.spikes[p]?.steps.length ?? 0}`);
    console.log('plastic network', choice, counts.join(', '), `${traces.length} probes`);
    for (const p of populations) expect(keys(run, p), `${choice} ${p}`).toEqual(keys(reference, p));
    for (const t of traces) expect(run.traces[t], `${choice} ${t}`).toEqual(reference.traces[t]);
  }
});
