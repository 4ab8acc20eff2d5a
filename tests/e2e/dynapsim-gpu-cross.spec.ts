/**
 * DynapSim on the gpu backend in the browser (issue 5): DynapSim networks run to their end in
 * the real engine worker on `reference`, `wasm`, and the gpu.js modes `webgl2` and `webgpu`
 * (SwiftShader in headless Chromium), and every spike and every probed Imem (`v`) and Isyn
 * (`i_syn`) sample is compared with the reference.
 *
 * - `wasm` is bit-identical to the reference: spikes and samples.
 * - webgl2/webgpu: spike for spike equal. The float samples may differ in the last bits (GPU
 *   division need not be correctly rounded; exp32 and log32 run as translated helpers), so they
 *   are compared by their largest relative difference, which is printed and annotated, and
 *   bounded by `SAMPLE_TOLERANCE`.
 * A backend that cannot run fails the test; it never skips.
 */
import { expect, test } from '@playwright/test';
import type { NetworkDocument } from '../../src/model/document.ts';
import {
  dynapsimExample,
  dynapsimMixed,
  probeDynapsim,
} from '../unit/engine/fixtures/dynapsim-networks.ts';
import {
  dynapsimWithIzhikevichAndSc,
  dynapsimWithLoihi,
} from '../unit/engine/fixtures/dynapsim-with-models.ts';
import { runAll } from './harness/run-all.ts';
import type { BackendSpikes } from './harness/run-backend.ts';

test.describe.configure({ timeout: 300_000 });

/**
 * Largest relative difference of a gpu sample from the reference's allowed. In SwiftShader
 * every sample was measured bit-identical (gpu CONTEXT.md, "DynapSim"; the annotations give the
 * counts); the bound leaves room for a GPU whose division or fused multiply-adds round otherwise.
 */
const SAMPLE_TOLERANCE = 1e-5;

/** Spikes as `step:index` keys, per population. */
function keys(run: BackendSpikes, population: string): string[] {
  const s = run.spikes[population] ?? { steps: [], indices: [] };
  return s.steps.map((step, k) => `${step}:${s.indices[k] ?? -1}`);
}

function expectRan(run: BackendSpikes | undefined, resolved: string, steps: number): BackendSpikes {
  expect(run, `no result for ${resolved}`).toBeDefined();
  const r = run as BackendSpikes;
  expect(r.fault, `${resolved} failed: ${r.fault?.message ?? ''}`).toBeNull();
  // A named backend must run as itself, never fall back silently.
  expect(r.backend).toBe(resolved);
  expect(r.steps).toBe(steps);
  return r;
}

/** How a run's samples of one trace compare with the reference's. */
interface TraceDiff {
  trace: string;
  samples: number;
  /** Samples whose float32 bits differ. */
  differing: number;
  maxRelative: number;
}

function compareTrace(id: string, got: BackendSpikes, want: BackendSpikes): TraceDiff {
  const a = got.traces[id]?.values ?? [];
  const b = want.traces[id]?.values ?? [];
  expect(a.length, `samples of ${id}`).toBe(b.length);
  let differing = 0;
  let maxRelative = 0;
  b.forEach((x, i) => {
    const y = a[i] ?? NaN;
    if (Object.is(x, y)) return;
    differing++;
    maxRelative = Math.max(maxRelative, Math.abs(y - x) / Math.abs(x));
  });
  return { trace: id, samples: b.length, differing, maxRelative };
}

const NETWORKS: [string, () => NetworkDocument][] = [
  [
    'the gallery example',
    () => {
      const doc = dynapsimExample();
      probeDynapsim(doc);
      return doc;
    },
  ],
  ['DynapSim among LIF and Poisson sources (dpi delays 0-5)', () => dynapsimMixed(400)],
  // Every extra row kind in one layout, and Loihi's third kernel beside DynapSim (WebGPU binds
  // its most storage buffers there).
  ['DynapSim beside Izhikevich and an SC rates layer', dynapsimWithIzhikevichAndSc],
  ['DynapSim driven by Loihi populations', dynapsimWithLoihi],
];

for (const [name, build] of NETWORKS) {
  test(`${name}: wasm, webgl2 and webgpu against reference`, async ({ page }) => {
    const doc = build();
    const steps = Math.round(doc.run.duration / doc.run.dt);
    const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
    const reference = expectRan(runs['reference'], 'reference', steps);
    const populations = doc.populations.map((p) => p.id);
    const dynapsim = doc.populations.filter((p) => p.model === 'dynapsim').map((p) => p.id);
    // The comparison means something only if the DynapSim neurons fire.
    for (const p of dynapsim) {
      expect(reference.spikes[p]?.steps.length ?? 0, `${p} spikes`).toBeGreaterThan(20);
    }
    const traces = Object.keys(reference.traces);
    expect(traces.length).toBeGreaterThan(0);
    for (const [choice, resolved] of [
      ['wasm', 'wasm'],
      ['webgl2', 'gpu:webgl2'],
      ['webgpu', 'gpu:webgpu'],
    ] as const) {
      const run = expectRan(runs[choice], resolved, steps);
      for (const p of populations) {
        expect(keys(run, p), `${choice} ${p} spikes`).toEqual(keys(reference, p));
      }
      const diffs = traces.map((id) => compareTrace(id, run, reference));
      const summary = JSON.stringify(diffs);
      console.log(doc.name, choice, summary);
      test.info().annotations.push({ type: `${doc.name} ${choice}`, description: summary });
      for (const d of diffs) {
        if (choice === 'wasm') expect(d.differing, `wasm ${d.trace}`).toBe(0);
        else expect(d.maxRelative, `${choice} ${d.trace}`).toBeLessThan(SAMPLE_TOLERANCE);
      }
    }
  });
}
