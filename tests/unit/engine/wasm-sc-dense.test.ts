/**
 * `sc_dense` layers on the wasm backend. Against the stochastic-computing library: a
 * constant-input layer must step exactly like `SCDenseLayer` (spikes of every neuron, Isc of
 * every step). Against the reference: every spike, every probed V and Isc of every step, for odd
 * sizes and channel counts, both scalings, stimuli, refractoriness, rates-wired layers, an SC
 * layer feeding an ordinary projection, a non-finite current, and reset.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendFactory } from '../../../src/engine/backends/backend.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { draw24, stepKey } from '../../../src/engine/random.ts';
import { SCDenseLayer } from '../../../src/engine/sc/index.ts';
import type { NetworkDocument, ScDenseParams } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/validate.ts';
import { lifPopulation, tutorialLif } from './fixtures/documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { probesOf, scDocument, scLayer, scParams, singleLayer } from './wasm-sc-documents.ts';

/** The plan of a document that must pass validation (defaults filled in as the app would). */
function planOf(doc: NetworkDocument): Plan {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(`invalid test document: ${JSON.stringify(result.issues)}`);
  return compile(result.document);
}

function spikeCount(chunk: Chunk, id: string): number {
  return chunk.spikes[id]?.steps.length ?? 0;
}

describe('sc_dense on wasm steps like the SC library', () => {
  const cases: [
    name: string,
    size: number,
    channels: number,
    over: Partial<ScDenseParams>,
    dt: number,
  ][] = [
    ['5 neurons, 8 channels, sum, streams wrapping', 5, 8, { length: 100 }, 1],
    [
      '33 neurons, 40 channels, mean, refractory, dt 0.5',
      33,
      40,
      { scaling: 'mean', y_max: 0.3, refractory_period: 2, noise_std: 0.1, base_seed: 77 },
      0.5,
    ],
  ];
  for (const [name, size, channels, over, dt] of cases) {
    it(name, async () => {
      const params = scParams(channels, over);
      const plan = planOf(singleLayer(size, channels, over, { dt, duration: 300 }));
      const chunk = await runChunks(createWasmBackend, plan, 97);
      if (params.inputs.kind !== 'constant') throw new Error('constant inputs expected');
      const layer = new SCDenseLayer(
        size,
        params.inputs.values,
        params.weights,
        params.x_min,
        params.x_max,
        params.w_min,
        params.w_max,
        params.length,
        params.y_min,
        params.y_max,
        dt,
        {
          vRest: params.v_rest,
          vReset: params.v_reset,
          vThreshold: params.v_threshold,
          tauMem: params.tau_mem,
          resistance: params.resistance,
          noiseStd: params.noise_std,
          refractoryPeriod: params.refractory_period,
        },
        params.base_seed,
        { scaling: params.scaling },
      );
      layer.run(plan.totalSteps);
      // The library's trains, as (step, neuron) pairs in the engine's order.
      const trains = layer.getSpikeTrains();
      const expected: number[] = [];
      for (let t = 0; t < plan.totalSteps; t++) {
        for (let j = 0; j < size; j++) if (trains[j]?.[t] === 1) expected.push(t, j);
      }
      const block = chunk.spikes['L'];
      const actual: number[] = [];
      for (let k = 0; k < (block?.steps.length ?? 0); k++) {
        actual.push(block?.steps[k] ?? -1, block?.indices[k] ?? -1);
      }
      expect(actual.length / 2).toBeGreaterThan(plan.totalSteps / 4);
      expect(actual).toEqual(expected);
      const isc = Array.from({ length: plan.totalSteps }, (_, t) => layer.source.currentAt(t));
      expect(Array.from(chunk.traces['i-L']?.values ?? [])).toEqual(isc);
      expect(new Set(isc).size).toBeGreaterThan(2);
    });
  }
});

/** Asserts wasm = reference for every chunk size, and that the comparison has content. */
async function expectSameAsReference(
  doc: NetworkDocument,
  layers: string[],
  chunks = [1, 7, 64],
): Promise<Chunk> {
  const plan = planOf(doc);
  const expected = await runChunks(createReferenceBackend, plan, plan.totalSteps);
  for (const id of layers) {
    expect(spikeCount(expected, id), `spikes of ${id}`).toBeGreaterThan(plan.totalSteps / 20);
    const isc = expected.traces[`i-${id}`]?.values ?? new Float32Array();
    expect(new Set(isc).size, `distinct Isc values of ${id}`).toBeGreaterThan(1);
  }
  for (const chunk of [plan.totalSteps, ...chunks]) {
    expectIdentical(await runChunks(createWasmBackend, plan, chunk), expected);
  }
  return expected;
}

describe('sc_dense: wasm matches the reference bit for bit', () => {
  const shapes: [size: number, channels: number][] = [
    [1, 1],
    [3, 40],
    [5, 8],
    [33, 1],
    [33, 40],
    [5, 40],
  ];
  for (const [size, channels] of shapes) {
    it(`constant inputs with noise: ${size} neurons, ${channels} channels`, async () => {
      // One channel carries little: a dense input and a strong weight keep it firing.
      const one = channels === 1 ? { inputs: { kind: 'constant' as const, values: [0.9] } } : {};
      const over = channels === 1 ? { ...one, weights: [0.8], y_max: 0.2 } : {};
      await expectSameAsReference(singleLayer(size, channels, over), ['L']);
    });
  }

  it("'mean' scaling, y_min above 0, refractory period of 3 steps", async () => {
    const over: Partial<ScDenseParams> = {
      scaling: 'mean',
      y_min: 0.02,
      y_max: 0.6,
      refractory_period: 3,
      v_reset: -0.2,
    };
    await expectSameAsReference(singleLayer(33, 8, over), ['L']);
  });

  it('a current step on the layer (ext + Isc), starting and stopping mid-run', async () => {
    const doc = singleLayer(5, 8, { noise_std: 0.02, y_max: 0.02 });
    doc.stimuli.push(
      { id: 's1', kind: 'current_step', target: 'L', start: 50, stop: 250, amplitude: 0.09 },
      { id: 's2', kind: 'current_step', target: 'L', start: 120, stop: 300, amplitude: -0.03 },
    );
    const record = await expectSameAsReference(doc, ['L']);
    // Without the step the layer is nearly silent: the stimulus is what makes it fire.
    const steps = record.spikes['L']?.steps ?? new Int32Array();
    expect(steps.filter((t) => t >= 50 && t < 250).length).toBeGreaterThan(steps.length / 2);
  });

  it('two layers wired by rates (layer 2 listed first), every neuron probed', async () => {
    const layer2 = scParams(33, {
      inputs: { kind: 'rates', source: 'l1', tau: 20 },
      // Layer 1 fires near 0.2 spikes/ms: x_max 0.3 puts the rates mid-range.
      x_max: 0.3,
      y_max: 0.05,
      base_seed: 99,
    });
    const doc = scDocument({
      populations: [scLayer('l2', 5, layer2), scLayer('l1', 33, scParams(8))],
      probes: probesOf([
        { id: 'l2', size: 5 },
        { id: 'l1', size: 33 },
      ]),
    });
    await expectSameAsReference(doc, ['l1', 'l2']);
  });

  it('rates from Poisson sources: clamped above x_max, rounded below, negative x_min', async () => {
    const fast = scParams(40, {
      inputs: { kind: 'rates', source: 'p', tau: 5 },
      // 300 Hz is 0.3 spikes/ms, past x_max: thresholds clamp at 2^24 whenever the trace is high.
      x_min: -0.05,
      x_max: 0.2,
      y_max: 0.02,
    });
    const slow = scParams(3, {
      inputs: { kind: 'rates', source: 'q', tau: 50 },
      x_max: 0.05,
      weights: [1, 0.9, 0.7],
      y_max: 0.08,
      base_seed: 7,
    });
    const doc = scDocument({
      populations: [
        { id: 'p', size: 40, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 300 } },
        { id: 'q', size: 3, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 20 } },
        scLayer('fast', 1, fast),
        scLayer('slow', 3, slow),
      ],
      probes: probesOf([
        { id: 'fast', size: 1 },
        { id: 'slow', size: 3 },
      ]),
    });
    await expectSameAsReference(doc, ['fast', 'slow']);
  });

  it('an SC layer as the source of ordinary projections into a LIF population', async () => {
    const doc = scDocument({
      populations: [
        scLayer('sc', 33, scParams(8)),
        lifPopulation('lif', 5, tutorialLif({ noise_std: 0.1, refractory_period: 2 })),
      ],
      projections: [
        {
          id: 'cur',
          source: 'sc',
          target: 'lif',
          connectivity: { rule: 'fixed_probability', p: 0.3, allow_self: true },
          weight: { kind: 'normal', mean: 0.15, std: 0.05 },
          delay: { kind: 'uniform_int', low: 0, high: 3 },
          synapse: { kind: 'exponential', tau: 4 },
        },
        {
          id: 'delta',
          source: 'sc',
          target: 'lif',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'constant', value: 0.02 },
          delay: { kind: 'constant', steps: 2 },
          synapse: { kind: 'delta' },
        },
      ],
      probes: [
        ...probesOf([{ id: 'sc', size: 33 }]),
        { id: 'spk-lif', kind: 'spikes', population: 'lif' },
        { id: 'v-lif', kind: 'state', population: 'lif', variable: 'v', neurons: [0, 1, 2, 3, 4] },
        { id: 'i-lif', kind: 'state', population: 'lif', variable: 'i_syn', neurons: [4, 0] },
      ],
    });
    const record = await expectSameAsReference(doc, ['sc']);
    expect(spikeCount(record, 'lif')).toBeGreaterThan(20);
  });

  it('reset() clears V and the rates traces: a second run repeats the first', async () => {
    const doc = scDocument({
      populations: [
        scLayer('l1', 5, scParams(8, { refractory_period: 2 })),
        scLayer(
          'l2',
          3,
          scParams(5, { inputs: { kind: 'rates', source: 'l1', tau: 10 }, x_max: 0.3 }),
        ),
      ],
      probes: probesOf([
        { id: 'l1', size: 5 },
        { id: 'l2', size: 3 },
      ]),
    });
    const plan = planOf(doc);
    const runner = await createWasmBackend(plan);
    const first = await runner.run(plan.totalSteps);
    expect(spikeCount(first, 'l2')).toBeGreaterThan(10);
    await runner.reset();
    expectIdentical(await runner.run(plan.totalSteps), first);
    runner.dispose();
  });
});

/**
 * One rates channel read at step 1, when its trace is `gain` (the source spiked at step 0 only):
 * a weight of 1 makes `Isc` (y_max 1) the gate's bit. `x_max` puts `q` at `d + frac` for the
 * step's input draw `d`.
 */
function roundingDocument(baseSeed: number, xMax: number): NetworkDocument {
  const layer = scParams(1, {
    inputs: { kind: 'rates', source: 'g', tau: 10 },
    weights: [1],
    x_max: xMax,
    y_max: 1,
    noise_std: 0,
    v_threshold: 1e9,
    base_seed: baseSeed,
  });
  const generator = { indices: [0], times: [0], period: 0 };
  return scDocument(
    {
      populations: [
        { id: 'g', size: 1, position: { x: 0, y: 0 }, model: 'spike_generator', params: generator },
        scLayer('L', 1, layer),
      ],
      probes: probesOf([{ id: 'L', size: 1 }]),
    },
    { duration: 3 },
  );
}

/** The float32 `step` ulps above `x` (x > 0). */
function nextFloat(x: number, step: number): number {
  const bits = new Uint32Array(new Float32Array([x]).buffer);
  bits[0] = (bits[0] ?? 0) + step;
  return new Float32Array(bits.buffer)[0] ?? Number.NaN;
}

/**
 * A layer whose rates threshold at step 1 is computed from `q = d + frac` exactly, where `d` is
 * the input draw of that step (even when `even`): searched over base seeds and x_max.
 */
function roundingCase(frac: number, even: boolean): { plan: Plan; draw: number } {
  const f = Math.fround;
  for (let seed = 0; seed < 1000; seed++) {
    const probe = planOf(roundingDocument(seed, 1)).populations[1]?.model;
    if (probe?.model !== 'sc_dense' || probe.inputs.kind !== 'rates') throw new Error('no layer');
    const d = draw24(stepKey(probe.inputKeys[0] ?? 0, 1), 0);
    // Below 2^21 a float32 q has quarter steps; the 0.5 case must separate ties-to-even.
    if (d >= 2 ** 21 || (even && d % 2 !== 0)) continue;
    const gain = probe.inputs.gain;
    const target = (d + frac) / 2 ** 24;
    for (let step = -8; step <= 8; step++) {
      const invRange = nextFloat(f(target / gain), step);
      if (f(f(gain) * invRange) !== target) continue;
      const plan = planOf(roundingDocument(seed, 1 / invRange));
      const m = plan.populations[1]?.model;
      if (m?.model === 'sc_dense' && m.inputs.kind === 'rates' && m.inputs.invRange === invRange)
        return { plan, draw: d };
    }
  }
  throw new Error(`no seed gives q = d + ${frac}`);
}

describe('sc_dense: the rates threshold rounds q half up, as CONTEXT.md writes it', () => {
  // frac 0.25: the threshold is d, so the draw d is not below it (truncating q would count it).
  // frac 0.5: the threshold is d + 1, so d counts (rounding ties to even would not count it).
  for (const [frac, even, active] of [
    [0.25, false, 0],
    [0.5, true, 1],
  ] as const) {
    it(`q = draw + ${frac}: the gate is ${active === 1 ? 'on' : 'off'}`, async () => {
      const { plan } = roundingCase(frac, even);
      for (const factory of [createReferenceBackend, createWasmBackend]) {
        const record = await runChunks(factory, plan, plan.totalSteps);
        // Step 0 reads an empty trace (threshold 0), step 1 the spike of step 0.
        expect(Array.from(record.traces['i-L']?.values ?? []).slice(0, 2)).toEqual([0, active]);
      }
    });
  }
});

interface Outcome {
  error: NumericalError | undefined;
  currentStep: number;
}

async function runUntilError(factory: BackendFactory, plan: Plan, chunk: number): Promise<Outcome> {
  const runner = await factory(plan);
  try {
    while (runner.currentStep < plan.totalSteps) {
      await runner.run(Math.min(chunk, plan.totalSteps - runner.currentStep));
    }
    return { error: undefined, currentStep: runner.currentStep };
  } catch (e) {
    if (!(e instanceof NumericalError)) throw e;
    return { error: e, currentStep: runner.currentStep };
  } finally {
    runner.dispose();
  }
}

/**
 * Layer 2 reads layer 1's rates with a current of -3e38 per active gate: V overflows once two
 * gates are on in a step, or one gate twice, which takes the traces a while to allow. A checked
 * re-run that started from the traces at the end of the call instead of its start would find
 * another step.
 */
function overflowingRatesLayer(): NetworkDocument {
  const layer2 = scParams(8, {
    inputs: { kind: 'rates', source: 'l1', tau: 30 },
    x_max: 3,
    y_max: -3e38,
    noise_std: 0,
  });
  return scDocument(
    {
      populations: [scLayer('l1', 8, scParams(8)), scLayer('l2', 3, layer2)],
      probes: probesOf([{ id: 'l2', size: 3 }]),
    },
    { duration: 300 },
  );
}

describe('sc_dense: a non-finite current stops the run where the reference stops', () => {
  const cases: [name: string, doc: () => NetworkDocument, after: number][] = [
    [
      'constant inputs, -3e38 per gate',
      () => singleLayer(3, 8, { y_max: -3e38, noise_std: 0 }, { duration: 60 }),
      -1,
    ],
    [
      'rates inputs, -3e38 per gate: the traces are restored for the checked re-run',
      overflowingRatesLayer,
      10,
    ],
  ];
  for (const [name, doc, after] of cases) {
    it(`${name}: V becomes -Infinity, same NumericalError for any chunk size`, async () => {
      const plan = planOf(doc());
      const expected = await runUntilError(createReferenceBackend, plan, plan.totalSteps);
      expect(expected.error?.variable).toBe('v');
      expect(expected.error?.value).toBe(-Infinity);
      expect(expected.error?.step).toBeGreaterThan(after);
      for (const chunk of [plan.totalSteps, 1, 7]) {
        const actual = await runUntilError(createWasmBackend, plan, chunk);
        expect(actual.error?.message).toBe(expected.error?.message);
        expect(actual.error?.step).toBe(expected.error?.step);
        expect(actual.error?.neuron).toBe(expected.error?.neuron);
        expect(Object.is(actual.error?.value, expected.error?.value)).toBe(true);
        expect(actual.currentStep).toBe(expected.currentStep);
      }
    });
  }
});
