/**
 * Izhikevich and AdEx populations on the gpu backend's Node modes (gpu.js cpu and webasm)
 * against the reference, bit for bit: every preset in a small network with membrane noise,
 * Poisson input through an exponential current and a delta projection, recurrent synapses and
 * uniform initial v, at odd sizes; every spike and every probed v, i_syn and u/w of every step
 * must be identical, with 2D and flat kernel arrays and device calls of several lengths.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import { createOnMode, type GpuRunnerOptions } from '../../../src/engine/backends/gpu/index.ts';
import { stepSources } from '../../../src/engine/backends/gpu/kernels.ts';
import { KIND, POP, buildLayout } from '../../../src/engine/backends/gpu/layout.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { createDocument } from '../../../src/model/defaults.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { ADEX_PRESETS, IZHIKEVICH_PRESETS } from '../../../src/model/presets.ts';
import { classicNetwork, type Classic } from './fixtures/classic-network.ts';
import { cubaDocument, lifPopulation, tutorialLif } from './fixtures/documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { scLayer, scParams } from './wasm-sc-documents.ts';

/** The shared classic network (fixtures/classic-network.ts) for `duration` ms. */
function network(
  model: Classic['model'],
  params: Classic['params'],
  current: number,
  duration = 150,
): NetworkDocument {
  return classicNetwork(model, params, current, {
    name: 'classic gpu',
    run: { dt: 0.1, duration, seed: 23, backend: 'auto' },
    inputSize: 21,
    stimulus: [10, 130],
  });
}

/**
 * Both models and a LIF side by side (one neuron index space), every synapse of delay 0 (the
 * unrolled gather): Poisson into an Izhikevich and an AdEx population (with a refractory
 * period), which excite each other and a LIF through exponential and delta synapses.
 */
function mixedNetwork(): NetworkDocument {
  const doc = createDocument('classic gpu, mixed');
  doc.run = { dt: 0.1, duration: 120, seed: 5, backend: 'auto' };
  const rs = IZHIKEVICH_PRESETS[0];
  const adapting = ADEX_PRESETS[1];
  if (!rs || !adapting) throw new Error('presets missing');
  doc.populations.push(
    { id: 'in', size: 30, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 300 } },
    {
      id: 'I',
      size: 1,
      position: { x: 0, y: 0 },
      model: 'izhikevich',
      params: { ...rs.params, bias: 4, noise_std: 0.5 },
    },
    {
      id: 'A',
      size: 17,
      position: { x: 0, y: 0 },
      model: 'adex',
      params: {
        ...adapting.params,
        refractory_period: 1.5,
        bias: 300,
        noise_std: 0.3,
        v_init: { kind: 'uniform', low: -70, high: -52 },
      },
    },
    lifPopulation('L', 9, tutorialLif({ noise_std: 0.1, bias: 0.03 })),
  );
  const link = (
    id: string,
    source: string,
    target: string,
    synapse: NetworkDocument['projections'][0]['synapse'],
    high: number,
  ) =>
    doc.projections.push({
      id,
      source,
      target,
      connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: true },
      weight: { kind: 'uniform', low: 0, high },
      delay: { kind: 'constant', steps: 0 },
      synapse,
    });
  link('inI', 'in', 'I', { kind: 'exponential', tau: 4 }, 3);
  link('inA', 'in', 'A', { kind: 'exponential', tau: 4 }, 100);
  link('inAd', 'in', 'A', { kind: 'delta' }, 1.5);
  link('IA', 'I', 'A', { kind: 'exponential', tau: 2 }, 200);
  link('AI', 'A', 'I', { kind: 'delta' }, 3);
  link('AL', 'A', 'L', { kind: 'exponential', tau: 5 }, 0.3);
  doc.probes.push(
    ...['I', 'A', 'L'].map((id) => ({ id: `s-${id}`, kind: 'spikes' as const, population: id })),
    { id: 'vI', kind: 'state', population: 'I', variable: 'v', neurons: [0] },
    { id: 'uI', kind: 'state', population: 'I', variable: 'u', neurons: [0] },
    { id: 'vA', kind: 'state', population: 'A', variable: 'v', neurons: [0, 8, 16] },
    { id: 'wA', kind: 'state', population: 'A', variable: 'w', neurons: [0, 16] },
    { id: 'iA', kind: 'state', population: 'A', variable: 'i_syn', neurons: [5] },
    { id: 'vL', kind: 'state', population: 'L', variable: 'v', neurons: [4] },
  );
  return doc;
}

/**
 * Classic populations next to an `sc_dense` layer (both kinds of extra rows and `params`
 * fields in one layout): the layer's rates inputs are an Izhikevich population's spikes, and
 * the layer drives an AdEx population.
 */
function withScLayer(): NetworkDocument {
  const doc = createDocument('classic gpu, with SC');
  doc.run = { dt: 0.1, duration: 100, seed: 9, backend: 'auto' };
  const rs = IZHIKEVICH_PRESETS[0];
  const tonic = ADEX_PRESETS[0];
  if (!rs || !tonic) throw new Error('presets missing');
  doc.populations.push(
    {
      id: 'I',
      size: 8,
      position: { x: 0, y: 0 },
      model: 'izhikevich',
      params: {
        ...rs.params,
        bias: 12,
        noise_std: 1,
        v_init: { kind: 'uniform', low: -70, high: -50 },
      },
    },
    scLayer(
      'L',
      5,
      scParams(8, {
        inputs: { kind: 'rates', source: 'I', tau: 10 },
        x_max: 0.05,
        y_max: 1,
        length: 64,
      }),
    ),
    {
      id: 'A',
      size: 6,
      position: { x: 0, y: 0 },
      model: 'adex',
      params: { ...tonic.params, bias: 350, noise_std: 0.2 },
    },
  );
  doc.projections.push({
    id: 'LA',
    source: 'L',
    target: 'A',
    connectivity: { rule: 'all_to_all', allow_self: true },
    weight: { kind: 'uniform', low: 0, high: 150 },
    delay: { kind: 'uniform_int', low: 0, high: 2 },
    synapse: { kind: 'exponential', tau: 3 },
  });
  doc.probes.push(
    ...['I', 'L', 'A'].map((id) => ({ id: `s-${id}`, kind: 'spikes' as const, population: id })),
    { id: 'uI', kind: 'state', population: 'I', variable: 'u', neurons: [0, 7] },
    { id: 'vL', kind: 'state', population: 'L', variable: 'v', neurons: [0, 4] },
    { id: 'iL', kind: 'state', population: 'L', variable: 'i_syn', neurons: [2] },
    { id: 'vA', kind: 'state', population: 'A', variable: 'v', neurons: [0, 5] },
    { id: 'wA', kind: 'state', population: 'A', variable: 'w', neurons: [3] },
  );
  return doc;
}

function planOf(doc: NetworkDocument): Plan {
  const valid = validateDocument(doc);
  if (!valid.ok) throw new Error(valid.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return compile(valid.document);
}

/** Device calls of one and several steps, chunks that are not multiples of them, 2D and flat. */
const VARIANTS: [string, 'cpu' | 'webasm', GpuRunnerOptions, number][] = [
  ['cpu, one step per call', 'cpu', { callLengths: [1] }, 500],
  ['cpu, flat arrays, calls of 16/4', 'cpu', { flatArrays: true, callLengths: [16, 4] }, 37],
  ['webasm, calls of 64/16/4', 'webasm', {}, 300],
  ['webasm, flat arrays, calls of 7', 'webasm', { flatArrays: true, callLengths: [7] }, 23],
];

function describeNetwork(name: string, build: () => NetworkDocument): void {
  describe(name, () => {
    const plan = planOf(build());
    let expected: Promise<Chunk> | undefined;
    const want = (): Promise<Chunk> =>
      (expected ??= runChunks(createReferenceBackend, plan, plan.totalSteps));

    it('is not trivial: the classic populations and SC layers spike', async () => {
      const ref = await want();
      for (const p of plan.populations) {
        if (p.model.model === 'poisson' || p.model.model === 'stochastic_lif') continue;
        expect(ref.spikes[p.id]?.steps.length ?? 0, `spikes of ${p.id}`).toBeGreaterThan(5);
      }
    });

    for (const [label, mode, options, chunk] of VARIANTS) {
      it(`${label}: identical to the reference`, async () => {
        const factory = () => createOnMode(plan, mode, options);
        expectIdentical(await runChunks(factory, plan, chunk), await want());
      });
    }
  });
}

describe('Izhikevich and AdEx on the gpu backend (Node modes), bit for bit', () => {
  for (const p of IZHIKEVICH_PRESETS) {
    describeNetwork(`Izhikevich ${p.id}`, () => network('izhikevich', p.params, p.current));
  }
  for (const p of ADEX_PRESETS) {
    describeNetwork(`AdEx ${p.id}`, () => network('adex', p.params, p.current));
  }
  describeNetwork('AdEx with a refractory period of 2 ms', () => {
    const p = ADEX_PRESETS[1];
    if (!p) throw new Error('no preset');
    return network('adex', { ...p.params, refractory_period: 2 }, p.current);
  });
  describeNetwork('Izhikevich (1 neuron), AdEx and LIF together, delay 0', mixedNetwork);
  describeNetwork('an SC layer reading Izhikevich rates and driving AdEx', withScLayer);
});

describe('a non-finite adaptation variable or V', () => {
  const cases: [string, () => NetworkDocument, string][] = [
    [
      'Izhikevich u (a * dt of 1e36)',
      () => {
        const p = IZHIKEVICH_PRESETS[0];
        if (!p) throw new Error('no preset');
        return network('izhikevich', { ...p.params, a: 1e37 }, p.current, 5);
      },
      'u',
    ],
    [
      'AdEx w (dt / tau_w of 1e30)',
      () => {
        const p = ADEX_PRESETS[0];
        if (!p) throw new Error('no preset');
        return network('adex', { ...p.params, tau_w: 1e-31, a: 1e30 }, p.current, 5);
      },
      'w',
    ],
  ];
  for (const [name, build, variable] of cases) {
    it(`${name}: the same NumericalError as the reference`, async () => {
      const plan = planOf(build());
      const failure = async (factory: () => Promise<{ run(n: number): Promise<Chunk> }>) => {
        const runner = await factory();
        const error: unknown = await runner.run(plan.totalSteps).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(NumericalError);
        const n = error as NumericalError;
        return [n.population, n.step, n.neuron, n.variable];
      };
      const ref = await failure(() => createReferenceBackend(plan));
      expect(ref[3]).toBe(variable);
      for (const mode of ['cpu', 'webasm'] as const) {
        expect(await failure(() => createOnMode(plan, mode, { callLengths: [16, 4] }))).toEqual(
          ref,
        );
      }
    });
  }
});

describe('classic device layout', () => {
  it('adds the adaptation row and exp32 only where the plan needs them', () => {
    const izh = IZHIKEVICH_PRESETS[0];
    const adex = ADEX_PRESETS[0];
    if (!izh || !adex) throw new Error('presets missing');
    const onlyIzh = planOf(network('izhikevich', izh.params, izh.current));
    const layout = buildLayout(onlyIzh);
    expect(layout.classic).toEqual({ izhikevich: true, adex: false });
    expect(layout.adaptRow).toBe(2 + layout.slots);
    expect(layout.historyRow).toBe(layout.adaptRow + 1);
    const src = stepSources(layout, onlyIzh.populations.length);
    expect(src.neuron).not.toContain('exp32');
    const withAdex = stepSources(
      buildLayout(planOf(network('adex', adex.params, adex.current))),
      2,
    );
    expect(withAdex.neuron).toContain('exp32(');
    expect(withAdex.deliver).toContain('const wn =');
  });

  it('a plan without them has no adaptation row, classic fields or branches', () => {
    const plan = compile(cubaDocument(1, 10));
    const layout = buildLayout(plan, 64, true);
    expect([layout.classic, layout.adaptRow, layout.adaptInit]).toEqual([null, -1, null]);
    expect(layout.historyRow).toBe(2 + layout.slots);
    expect(layout.popStride).toBe(POP.decay + layout.slots);
    const src = stepSources(layout, plan.populations.length);
    expect(src.neuron).not.toContain(`kind === ${KIND.izhikevich}`);
    expect(src.neuron).not.toContain(`kind === ${KIND.adex}`);
    expect(src.deliver).not.toContain('const wn =');
  });
});
