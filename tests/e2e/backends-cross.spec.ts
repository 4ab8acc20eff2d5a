/**
 * Cross-backend test in the browser (issue 2): the same small network (Poisson sources, LIF
 * with and without noise, delays, delta and exponential synapses) runs to its end in the real
 * engine worker on `reference`, `wasm`, and the gpu.js modes `webgl2` and `webgpu` (SwiftShader
 * in headless Chromium), and the spikes are compared with the reference.
 *
 * Tolerances, from src/engine/CONTEXT.md:
 * - `wasm` is bit-identical to the reference: every spike equal.
 * - gpu.js webgl2/webgpu: integer paths (Poisson sources) are exact; float state may differ in
 *   the last bits (drivers may fuse multiply-adds). Deterministic network: every spike equal.
 *   Noisy network: no divergence in the first 100 steps, and the total spike count of every
 *   population within 5% of the reference.
 * A backend that cannot run fails the test; it never skips.
 *
 * SC dense layers (issue 4): constant-input and rates-wired layers, one driving a LIF. Their SC
 * counts are integer paths (constant inputs: drawn on the host; rates: thresholds from float32
 * traces), so with SwiftShader (which does not fuse) every spike must be equal on every backend.
 */
import { expect, test } from '@playwright/test';
import type { NetworkDocument, ScDenseParams, ScInputs } from '../../src/model/document.ts';
import { runAll } from './harness/run-all.ts';
import type { BackendSpikes } from './harness/run-backend.ts';

test.describe.configure({ timeout: 240_000 });

function network(noise: number): NetworkDocument {
  const lif = (bias: number) => ({
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    noise_std: noise,
    refractory_period: 2,
    bias,
    v_init: { kind: 'uniform' as const, low: 0, high: 0.9 },
  });
  return {
    format: 'spikelab-network',
    version: 1,
    name: noise > 0 ? 'cross-backend noisy' : 'cross-backend deterministic',
    populations: [
      { id: 'in', size: 40, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 60 } },
      {
        id: 'exc',
        size: 32,
        position: { x: 200, y: 0 },
        model: 'stochastic_lif',
        params: lif(0.02),
      },
      {
        id: 'inh',
        size: 8,
        position: { x: 200, y: 200 },
        model: 'stochastic_lif',
        params: lif(0.01),
      },
    ],
    projections: [
      {
        id: 'in_exc',
        source: 'in',
        target: 'exc',
        connectivity: { rule: 'fixed_probability', p: 0.25, allow_self: false },
        weight: { kind: 'uniform', low: 0.1, high: 0.3 },
        delay: { kind: 'uniform_int', low: 1, high: 5 },
        synapse: { kind: 'delta' },
      },
      {
        id: 'exc_inh',
        source: 'exc',
        target: 'inh',
        connectivity: { rule: 'fixed_fan_in', k: 8, allow_self: false },
        weight: { kind: 'constant', value: 0.08 },
        delay: { kind: 'constant', steps: 2 },
        synapse: { kind: 'exponential', tau: 5 },
      },
      {
        id: 'inh_exc',
        source: 'inh',
        target: 'exc',
        connectivity: { rule: 'all_to_all', allow_self: false },
        weight: { kind: 'normal', mean: -0.05, std: 0.01 },
        delay: { kind: 'uniform_int', low: 0, high: 3 },
        synapse: { kind: 'exponential', tau: 10 },
      },
    ],
    stimuli: [],
    probes: [
      { id: 's_in', kind: 'spikes', population: 'in' },
      { id: 's_exc', kind: 'spikes', population: 'exc' },
      { id: 's_inh', kind: 'spikes', population: 'inh' },
    ],
    run: { dt: 0.5, duration: 200, seed: 2024, backend: 'reference' },
  };
}

/** Spikes as sorted `step:index` keys, per population. */
function keys(run: BackendSpikes, population: string): string[] {
  const s = run.spikes[population] ?? { steps: [], indices: [] };
  return s.steps.map((step, k) => `${step}:${s.indices[k] ?? -1}`);
}

/** First step at which two runs' spikes of a population differ, or null. */
function firstDivergence(a: BackendSpikes, b: BackendSpikes, population: string): number | null {
  const sa = keys(a, population);
  const sb = keys(b, population);
  for (let k = 0; k < Math.max(sa.length, sb.length); k++) {
    if (sa[k] !== sb[k]) {
      const step = (x: string | undefined) =>
        x === undefined ? Infinity : Number(x.split(':')[0]);
      return Math.min(step(sa[k]), step(sb[k]));
    }
  }
  return null;
}

function expectRan(run: BackendSpikes | undefined, resolved: string): BackendSpikes {
  expect(run, `no result for ${resolved}`).toBeDefined();
  const r = run as BackendSpikes;
  expect(r.fault, `${resolved} failed: ${r.fault?.message ?? ''}`).toBeNull();
  // A named backend must run as itself, never fall back silently.
  expect(r.backend).toBe(resolved);
  expect(r.steps).toBe(400);
  return r;
}

const POPULATIONS = ['in', 'exc', 'inh'];

for (const noise of [0, 0.05]) {
  test(`${noise > 0 ? 'noisy' : 'deterministic'} network: wasm, webgl2 and webgpu against reference`, async ({
    page,
  }) => {
    const doc = network(noise);
    const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
    const reference = expectRan(runs['reference'], 'reference');
    const total = (r: BackendSpikes, p: string) => r.spikes[p]?.steps.length ?? 0;
    // The network must be doing something for the comparison to mean anything.
    for (const p of POPULATIONS) expect(total(reference, p)).toBeGreaterThan(20);

    const wasm = expectRan(runs['wasm'], 'wasm');
    for (const p of POPULATIONS) expect(keys(wasm, p), `wasm ${p}`).toEqual(keys(reference, p));

    for (const mode of ['webgl2', 'webgpu']) {
      const gpu = expectRan(runs[mode], `gpu:${mode}`);
      const summary = POPULATIONS.map((p) => ({
        population: p,
        reference: total(reference, p),
        [mode]: total(gpu, p),
        firstDivergence: firstDivergence(reference, gpu, p),
      }));
      test
        .info()
        .annotations.push({ type: `${doc.name} ${mode}`, description: JSON.stringify(summary) });
      console.log(doc.name, mode, JSON.stringify(summary));
      // Integer paths are exact on every backend.
      expect(keys(gpu, 'in'), `${mode} Poisson sources`).toEqual(keys(reference, 'in'));
      for (const p of ['exc', 'inh']) {
        if (noise === 0) {
          expect(keys(gpu, p), `${mode} ${p}`).toEqual(keys(reference, p));
        } else {
          const diverged = firstDivergence(reference, gpu, p);
          expect(diverged === null || diverged >= 100, `${mode} ${p} diverged at ${diverged}`).toBe(
            true,
          );
          const ratio = total(gpu, p) / total(reference, p);
          expect(Math.abs(ratio - 1), `${mode} ${p} spike count ratio ${ratio}`).toBeLessThan(0.05);
        }
      }
    }
  });
}

const SC_POPULATIONS = ['l1', 'l2', 'in', 'l3', 'out'];

/** The tutorial's section 4 layer with noise, on constant inputs or another population's rates. */
function scLayer(id: string, size: number, inputs: ScInputs, channels: number, seed: number) {
  const params: ScDenseParams = {
    inputs,
    weights: Array.from({ length: channels }, (_, c) => 0.3 + 0.05 * (c % 9)),
    x_min: 0,
    x_max: inputs.kind === 'rates' ? 0.15 : 1,
    w_min: 0,
    w_max: 1,
    length: 2048,
    y_min: 0,
    y_max: 0.1,
    scaling: 'sum',
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    noise_std: 0.02,
    refractory_period: 2,
    base_seed: seed,
  };
  return { id, size, position: { x: 0, y: 0 }, model: 'sc_dense' as const, params };
}

function scNetwork(): NetworkDocument {
  const lif = {
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 10,
    resistance: 1,
    noise_std: 0.02,
    refractory_period: 1,
    bias: 0.03,
    v_init: { kind: 'uniform' as const, low: 0, high: 0.5 },
  };
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'cross-backend sc_dense',
    populations: [
      scLayer('l1', 12, { kind: 'constant', values: [0.3, 0.7, 0.5, 0.2, 0.9, 0.4] }, 6, 100),
      scLayer('l2', 9, { kind: 'rates', source: 'l1', tau: 20 }, 12, 200),
      // 50 channels: two rounds of the gpu count kernel's 32 lanes.
      { id: 'in', size: 50, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 80 } },
      scLayer('l3', 7, { kind: 'rates', source: 'in', tau: 10 }, 50, 300),
      { id: 'out', size: 16, position: { x: 0, y: 0 }, model: 'stochastic_lif', params: lif },
    ],
    projections: [
      {
        id: 'l2_out',
        source: 'l2',
        target: 'out',
        connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false },
        weight: { kind: 'uniform', low: 0.1, high: 0.4 },
        delay: { kind: 'uniform_int', low: 0, high: 4 },
        synapse: { kind: 'exponential', tau: 5 },
      },
    ],
    stimuli: [
      { id: 'kick', kind: 'current_step', target: 'l3', start: 50, stop: 120, amplitude: 0.03 },
    ],
    probes: SC_POPULATIONS.map((p) => ({ id: `s_${p}`, kind: 'spikes' as const, population: p })),
    run: { dt: 0.5, duration: 200, seed: 7, backend: 'reference' },
  };
}

test('sc_dense network: wasm, webgl2 and webgpu spike for spike with reference', async ({
  page,
}) => {
  const doc = scNetwork();
  const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
  const reference = expectRan(runs['reference'], 'reference');
  const total = (r: BackendSpikes, p: string) => r.spikes[p]?.steps.length ?? 0;
  for (const p of SC_POPULATIONS) expect(total(reference, p), `${p} spikes`).toBeGreaterThan(20);
  for (const [choice, resolved] of [
    ['wasm', 'wasm'],
    ['webgl2', 'gpu:webgl2'],
    ['webgpu', 'gpu:webgpu'],
  ] as const) {
    const run = expectRan(runs[choice], resolved);
    const summary = SC_POPULATIONS.map((p) => ({
      population: p,
      reference: total(reference, p),
      [choice]: total(run, p),
      firstDivergence: firstDivergence(reference, run, p),
    }));
    console.log(doc.name, choice, JSON.stringify(summary));
    for (const p of SC_POPULATIONS)
      expect(keys(run, p), `${choice} ${p}`).toEqual(keys(reference, p));
  }
});

const CLASSIC_POPULATIONS = ['in', 'izh', 'adex', 'out'];

/**
 * Izhikevich and AdEx populations (issue 5): regular-spiking Izhikevich cells with membrane
 * noise and an adapting AdEx population with a refractory period (its exponential through the
 * kernels' exp32), driven by Poisson input through exponential and delta synapses with delays,
 * the Izhikevich cells exciting the AdEx ones, and the AdEx cells a LIF. 400 steps of 0.1 ms.
 */
function classicNetwork(): NetworkDocument {
  const projection = (
    id: string,
    source: string,
    target: string,
    high: number,
    synapse: NetworkDocument['projections'][0]['synapse'],
  ) => ({
    id,
    source,
    target,
    connectivity: { rule: 'fixed_probability' as const, p: 0.4, allow_self: false },
    weight: { kind: 'uniform' as const, low: 0, high },
    delay: { kind: 'uniform_int' as const, low: 0, high: 4 },
    synapse,
  });
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'cross-backend izhikevich and adex',
    populations: [
      { id: 'in', size: 30, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 400 } },
      {
        id: 'izh',
        size: 19,
        position: { x: 0, y: 0 },
        model: 'izhikevich',
        params: {
          a: 0.02,
          b: 0.2,
          c: -65,
          d: 8,
          bias: 6,
          noise_std: 0.5,
          v_init: { kind: 'uniform', low: -70, high: -50 },
        },
      },
      {
        id: 'adex',
        size: 13,
        position: { x: 0, y: 0 },
        model: 'adex',
        params: {
          c: 200,
          g_l: 12,
          e_l: -70,
          v_t: -50,
          delta_t: 2,
          a: 2,
          tau_w: 300,
          b: 60,
          v_reset: -58,
          v_peak: 0,
          refractory_period: 0.5,
          bias: 450,
          noise_std: 0.2,
          v_init: { kind: 'uniform', low: -70, high: -52 },
        },
      },
      {
        id: 'out',
        size: 8,
        position: { x: 0, y: 0 },
        model: 'stochastic_lif',
        params: {
          v_rest: 0,
          v_reset: 0,
          v_threshold: 1,
          tau_mem: 5,
          resistance: 1,
          noise_std: 0,
          refractory_period: 0,
          bias: 0,
          v_init: { kind: 'constant', value: 0 },
        },
      },
    ],
    projections: [
      projection('in_izh', 'in', 'izh', 4, { kind: 'exponential', tau: 4 }),
      projection('in_izh_d', 'in', 'izh', 1, { kind: 'delta' }),
      projection('in_adex', 'in', 'adex', 150, { kind: 'exponential', tau: 5 }),
      projection('izh_adex', 'izh', 'adex', 300, { kind: 'exponential', tau: 2 }),
      projection('adex_out', 'adex', 'out', 1.5, { kind: 'delta' }),
    ],
    stimuli: [
      { id: 'kick', kind: 'current_step', target: 'izh', start: 10, stop: 30, amplitude: 5 },
    ],
    probes: CLASSIC_POPULATIONS.map((p) => ({
      id: `s_${p}`,
      kind: 'spikes' as const,
      population: p,
    })),
    run: { dt: 0.1, duration: 40, seed: 11, backend: 'reference' },
  };
}

// SwiftShader does not fuse multiply-adds (see src/engine/backends/gpu/CONTEXT.md), so the
// float32 updates and the exp32 helpers must match the reference spike for spike.
test('Izhikevich and AdEx network: wasm, webgl2 and webgpu spike for spike with reference', async ({
  page,
}) => {
  const doc = classicNetwork();
  const runs = await runAll(page, doc, ['reference', 'wasm', 'webgl2', 'webgpu']);
  const reference = expectRan(runs['reference'], 'reference');
  const total = (r: BackendSpikes, p: string) => r.spikes[p]?.steps.length ?? 0;
  for (const p of CLASSIC_POPULATIONS) {
    expect(total(reference, p), `${p} spikes`).toBeGreaterThan(20);
  }
  for (const [choice, resolved] of [
    ['wasm', 'wasm'],
    ['webgl2', 'gpu:webgl2'],
    ['webgpu', 'gpu:webgpu'],
  ] as const) {
    const run = expectRan(runs[choice], resolved);
    const summary = CLASSIC_POPULATIONS.map((p) => ({
      population: p,
      reference: total(reference, p),
      [choice]: total(run, p),
      firstDivergence: firstDivergence(reference, run, p),
    }));
    console.log(doc.name, choice, JSON.stringify(summary));
    for (const p of CLASSIC_POPULATIONS) {
      expect(keys(run, p), `${choice} ${p}`).toEqual(keys(reference, p));
    }
  }
});
