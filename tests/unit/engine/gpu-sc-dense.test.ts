/**
 * `sc_dense` layers on the gpu backend's Node modes (gpu.js cpu and webasm): bit-identical to
 * the SC library's `SCDenseLayer` (constant inputs) and to the reference backend (every spike,
 * every probed V and Isc), including rates-wired layers whose thresholds come from device state
 * inside multi-step device calls.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/engine/api.ts';
import type { BackendRunner } from '../../../src/engine/backends/backend.ts';
import { createOnMode, type GpuRunnerOptions } from '../../../src/engine/backends/gpu/index.ts';
import { GpuContext, readBack } from '../../../src/engine/backends/gpu/gpujs.ts';
import { JS_HASH_FUNCTIONS } from '../../../src/engine/backends/gpu/hash.ts';
import { stepSources } from '../../../src/engine/backends/gpu/kernels.ts';
import { POP, buildLayout } from '../../../src/engine/backends/gpu/layout.ts';
import { scCountSource } from '../../../src/engine/backends/gpu/sc-kernels.ts';
import { NEVER } from '../../../src/engine/backends/gpu/sc-layout.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { ratesThreshold } from '../../../src/engine/backends/reference/sc-step.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { mergeChunks } from '../../../src/engine/run-to-end.ts';
import { SCDenseLayer } from '../../../src/engine/sc/index.ts';
import { validateDocument } from '../../../src/model/validate.ts';
import type {
  NetworkDocument,
  Population,
  Probe,
  ScDenseParams,
  ScInputs,
} from '../../../src/model/document.ts';
import { cubaDocument, lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

/** The tutorial's section 4 layer, with a little noise and refractoriness. */
function scParams(inputs: ScInputs, channels: number, over: Partial<ScDenseParams> = {}) {
  const params: ScDenseParams = {
    inputs,
    weights: Array.from({ length: channels }, (_, c) => 0.2 + (0.7 * ((c * 7) % 11)) / 10),
    x_min: 0,
    x_max: 1,
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
    base_seed: 42,
    ...over,
  };
  return params;
}

function scLayer(id: string, size: number, params: ScDenseParams): Population {
  return { id, size, position: { x: 0, y: 0 }, model: 'sc_dense', params };
}

const constant = (values: number[]): ScInputs => ({ kind: 'constant', values });
const rates = (source: string, tau: number): ScInputs => ({ kind: 'rates', source, tau });

/** Spikes of every population, V and i_syn of every SC layer (first, middle and last neuron). */
function probesFor(populations: readonly Population[]): Probe[] {
  return populations.flatMap((p): Probe[] => {
    const spikes: Probe = { id: `s-${p.id}`, kind: 'spikes', population: p.id };
    if (p.model !== 'sc_dense' && p.model !== 'stochastic_lif') return [spikes];
    const neurons = [...new Set([0, p.size >> 1, p.size - 1])];
    return [
      spikes,
      { id: `v-${p.id}`, kind: 'state', population: p.id, variable: 'v', neurons },
      { id: `i-${p.id}`, kind: 'state', population: p.id, variable: 'i_syn', neurons },
    ];
  });
}

function network(
  populations: Population[],
  parts: Partial<Pick<NetworkDocument, 'projections' | 'stimuli'>> = {},
  run: Partial<NetworkDocument['run']> = {},
): NetworkDocument {
  return makeDocument(
    { ...parts, populations, probes: probesFor(populations) },
    { duration: 300, ...run },
  );
}

const NETWORKS: Record<string, () => NetworkDocument> = {
  'constant inputs with noise': () =>
    network([scLayer('L', 9, scParams(constant([0.3, 0.7, 0.5, 0.2, 0.9]), 5))]),
  "'mean' scaling": () =>
    network([
      scLayer(
        'L',
        6,
        scParams(constant([0.8, 0.9, 0.6, 0.7]), 4, {
          scaling: 'mean',
          y_min: 0.02,
          y_max: 0.2,
          noise_std: 0.05,
        }),
      ),
    ]),
  'a stimulus, dt 0.5': () =>
    network(
      [scLayer('L', 8, scParams(constant([0.2, 0.4, 0.1]), 3, { y_max: 0.05 }))],
      {
        stimuli: [
          { id: 'a', kind: 'current_step', target: 'L', start: 20, stop: 90, amplitude: 0.07 },
          { id: 'b', kind: 'current_step', target: 'L', start: 60, stop: 120, amplitude: -0.02 },
        ],
      },
      { dt: 0.5, duration: 150 },
    ),
  'two layers wired by rates, and a Poisson-driven layer': () =>
    network([
      scLayer('L1', 7, scParams(constant([0.3, 0.7, 0.5]), 3, { base_seed: 100 })),
      // Rates in spikes per ms: layer 1 fires at ~0.1-0.2.
      scLayer('L2', 5, scParams(rates('L1', 20), 7, { x_max: 0.2, base_seed: 200 })),
      // 45 channels: more than one round of the count kernel's 32 lanes.
      { id: 'P', size: 45, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 90 } },
      scLayer('L3', 4, scParams(rates('P', 10), 45, { x_max: 0.1, y_max: 0.03, base_seed: 300 })),
      // Same source and tau as L2 (one shared trace), and another tau (a second trace row).
      scLayer('L4', 3, scParams(rates('L1', 20), 7, { x_max: 0.3, base_seed: 400 })),
      scLayer('L5', 6, scParams(rates('L1', 5), 7, { x_max: 0.2, base_seed: 500 })),
    ]),
  'an SC layer as the source of projections into a stochastic LIF': () =>
    network(
      [
        scLayer('L', 10, scParams(constant([0.6, 0.8, 0.4, 0.9]), 4)),
        lifPopulation('T', 10, tutorialLif({ noise_std: 0.1, bias: 0.02 })),
      ],
      {
        projections: [
          {
            id: 'LT',
            source: 'L',
            target: 'T',
            connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: true },
            weight: { kind: 'uniform', low: 0.05, high: 0.25 },
            delay: { kind: 'uniform_int', low: 0, high: 19 },
            synapse: { kind: 'exponential', tau: 4 },
          },
          {
            id: 'LT2',
            source: 'L',
            target: 'T',
            connectivity: { rule: 'one_to_one' },
            weight: { kind: 'constant', value: 0.3 },
            delay: { kind: 'constant', steps: 0 },
            synapse: { kind: 'delta' },
          },
        ],
      },
    ),
  'odd sizes: one neuron, one channel, streams of 3 and 37 bits': () =>
    network([
      scLayer('A', 1, scParams(constant([0.9]), 1, { length: 3, y_max: 0.2 })),
      scLayer('B', 13, scParams(rates('A', 7), 1, { length: 37, x_max: 0.2, y_max: 0.3 })),
    ]),
};

/** Runs a plan to its end in chunks of `chunk` steps. */
async function runPlan(runner: BackendRunner, plan: Plan, chunk: number): Promise<Chunk> {
  try {
    const chunks: Chunk[] = [];
    while (runner.currentStep < plan.totalSteps) {
      chunks.push(await runner.run(Math.min(chunk, plan.totalSteps - runner.currentStep)));
    }
    return mergeChunks(chunks);
  } finally {
    runner.dispose();
  }
}

const reference = async (plan: Plan): Promise<Chunk> =>
  runPlan(await createReferenceBackend(plan), plan, 64);

/** Bit patterns, so that -0 vs 0 and NaN payloads count as differences too. */
function bits(values: Float32Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}

function expectIdentical(actual: Chunk, expected: Chunk): void {
  expect(actual.steps).toBe(expected.steps);
  for (const [id, block] of Object.entries(expected.spikes)) {
    expect(actual.spikes[id]?.steps, `spike steps of ${id}`).toEqual(block.steps);
    expect(actual.spikes[id]?.indices, `spike indices of ${id}`).toEqual(block.indices);
  }
  for (const [id, block] of Object.entries(expected.traces)) {
    expect(actual.traces[id]?.steps, `trace steps of ${id}`).toEqual(block.steps);
    expect(bits(actual.traces[id]?.values ?? new Float32Array()), `trace ${id}`).toEqual(
      bits(block.values),
    );
  }
}

describe('sc_dense on the gpu backend (Node modes)', () => {
  it('constant inputs step exactly as the SC library (SCDenseLayer)', async () => {
    const xs = [0.3, 0.7, 0.5, 0.2, 0.9];
    const params = scParams(constant(xs), xs.length);
    const plan = compile(network([scLayer('L', 9, params)]));
    const layer = new SCDenseLayer(
      9,
      xs,
      params.weights,
      0,
      1,
      0,
      1,
      2048,
      0,
      0.1,
      1,
      {
        tauMem: 20,
        noiseStd: 0.02,
        refractoryPeriod: 2,
      },
      42,
    );
    layer.run(plan.totalSteps);
    const trains = layer.getSpikeTrains();
    const want = { steps: [] as number[], indices: [] as number[] };
    for (let t = 0; t < plan.totalSteps; t++) {
      trains.forEach((train, j) => {
        if (train[t] === 1) {
          want.steps.push(t);
          want.indices.push(j);
        }
      });
    }
    expect(want.steps.length).toBeGreaterThan(100);
    for (const mode of ['cpu', 'webasm'] as const) {
      const got = (await runPlan(await createOnMode(plan, mode), plan, 100)).spikes['L'];
      expect(Array.from(got?.steps ?? []), `${mode} steps`).toEqual(want.steps);
      expect(Array.from(got?.indices ?? []), `${mode} indices`).toEqual(want.indices);
    }
  });

  for (const [name, build] of Object.entries(NETWORKS)) {
    describe(name, () => {
      const plan = compile(build());
      let expected: Promise<Chunk> | undefined;
      const want = (): Promise<Chunk> => (expected ??= reference(plan));

      it('is a valid document', () => {
        const result = validateDocument(build());
        expect(result.ok ? [] : result.issues).toEqual([]);
      });

      it('is not trivial: every population spikes, SC currents vary', async () => {
        const ref = await want();
        for (const [id, block] of Object.entries(ref.spikes)) {
          expect(block.steps.length, `spikes of ${id}`).toBeGreaterThan(5);
        }
        for (const p of plan.populations) {
          if (p.model.model !== 'sc_dense') continue;
          const values = new Set(ref.traces[`i-${p.id}`]?.values);
          expect(values.size, `distinct Isc of ${p.id}`).toBeGreaterThan(1);
        }
      });

      // Device calls of several steps (16 and 4: traces live on the device across the steps of
      // a call), chunks that are not a multiple of them; flat arrays as on a GPU.
      const variants: [string, 'cpu' | 'webasm', GpuRunnerOptions, number][] = [
        ['cpu, one step per call', 'cpu', { callLengths: [1] }, 300],
        ['cpu, flat arrays, calls of 16/4', 'cpu', { flatArrays: true, callLengths: [16, 4] }, 37],
        ['webasm, calls of 64/16/4', 'webasm', {}, 100],
        ['webasm, flat arrays, calls of 7', 'webasm', { flatArrays: true, callLengths: [7] }, 23],
      ];
      for (const [label, mode, options, chunk] of variants) {
        it(`${label}: identical to the reference`, async () => {
          const got = await runPlan(await createOnMode(plan, mode, options), plan, chunk);
          expectIdentical(got, await want());
        });
      }
    });
  }

  it('a non-finite V of an SC layer names the same step and neuron as the reference', async () => {
    // Isc = -3e38 a step: V reaches -Infinity within a few steps.
    const params = scParams(constant([1, 1]), 2, { y_min: -3e38, y_max: -3e38, noise_std: 0 });
    const plan = compile(network([scLayer('L', 3, params)], {}, { duration: 20 }));
    const failure = async (runner: Promise<BackendRunner>): Promise<NumericalError> => {
      const error: unknown = await runPlan(await runner, plan, 20).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NumericalError);
      return error as NumericalError;
    };
    const ref = await failure(createReferenceBackend(plan));
    for (const mode of ['cpu', 'webasm'] as const) {
      const got = await failure(createOnMode(plan, mode, { callLengths: [16, 4] }));
      expect([got.population, got.step, got.neuron, got.variable]).toEqual([
        ref.population,
        ref.step,
        ref.neuron,
        ref.variable,
      ]);
    }
  });
});

describe('the count kernel', () => {
  // Gates at the threshold and one below it tell `floor(q + 0.5)` from any other rounding, which
  // random draws would almost never do (a draw hits a given 24-bit value with p = 2^-24).
  for (const [mode, flat] of [
    ['cpu', false],
    ['webasm', false],
    ['webasm', true],
  ] as const) {
    it(`counts gate < thr(r) exactly at the rounding boundary (${mode}, ${flat ? 32 : 1} lanes)`, async () => {
      const m = 75;
      const plan = compile(
        network([
          { id: 'P', size: m, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 10 } },
          // y 0..1, 'sum': Isc = k, the count itself.
          scLayer('L', 1, scParams(rates('P', 10), m, { x_min: -0.01, x_max: 0.3, y_max: 1 })),
        ]),
      );
      const layout = buildLayout(plan, 1, flat);
      const sc = layout.sc;
      if (!sc) throw new Error('no SC layout');
      expect(sc.lanes).toBe(flat ? 32 : 1);
      const ctx = new GpuContext(mode, JS_HASH_FUNCTIONS, []);
      const kernel = ctx.createKernel({
        source: scCountSource(layout, plan.populations.length),
        output: [sc.lanes],
        constants: { sc: sc.table },
        loopMaxIterations: m + 1,
      });
      const rows = flat ? 1 : layout.stateRows;
      const inputs = plan.populations[1]?.model;
      if (inputs?.model !== 'sc_dense' || inputs.inputs.kind !== 'rates') throw new Error('L');
      const { xMin, invRange } = inputs.inputs;
      const state = new Float32Array(layout.total * layout.stateRows);
      const stepIn = new Float32Array(layout.stepBlock);
      const gates = plan.populations.length * layout.stepStride;
      try {
        for (let round = 0; round < 24; round++) {
          let want = 0;
          for (let c = 0; c < m; c++) {
            // Traces below x_min, inside the range (fine steps) and above x_max.
            const r = Math.fround(-0.02 + ((round * m + c) * 0.3371) / (24 * m) + (c % 3) * 1e-6);
            state[layout.traceRow * layout.total + c] = r;
            const thr = ratesThreshold(r, xMin, invRange);
            const gate = [thr - 1, thr, NEVER, 0][(c + round) % 4] ?? 0;
            stepIn[gates + c] = gate;
            if (gate < thr) want++;
          }
          // The 2D form takes the state as rows.
          const S = flat
            ? state
            : Array.from({ length: rows }, (_, y) =>
                state.subarray(y * layout.total, (y + 1) * layout.total),
              );
          const got = await readBack(await kernel(S, stepIn, 0));
          expect(
            got.reduce((a, b) => a + b, 0),
            `round ${round}`,
          ).toBe(want);
        }
        expect(kernel.actualMode()).toBe(mode);
      } finally {
        ctx.destroy();
      }
    });
  }
});

describe('sc_dense device layout', () => {
  it('shares a trace per (source, tau) and packs traces of different sources into one row', () => {
    const plan = compile(NETWORKS['two layers wired by rates, and a Poisson-driven layer']!());
    const layout = buildLayout(plan);
    const sc = layout.sc;
    expect(sc?.ratesLayers).toBe(4);
    // (L1, 20) for L2 and L4, (P, 10), (L1, 5): three traces in two rows.
    expect(sc?.traces.map((t) => [t.source, t.row])).toEqual([
      [0, 0],
      [2, 0],
      [0, 1],
    ]);
    expect(layout.traceRows).toBe(2);
    expect(layout.historyRow).toBe(layout.traceRow + 2);
  });

  it('a plan without SC layers gets the kernels it had before: no SC rows, inputs or code', () => {
    const plan = compile(cubaDocument(1, 10));
    const layout = buildLayout(plan, 64, true);
    expect([layout.sc, layout.traceRows, layout.midRows, layout.stepStride]).toEqual([
      null,
      0,
      2,
      3,
    ]);
    expect(layout.historyRow).toBe(2 + layout.slots);
    expect(layout.popStride).toBe(POP.decay + layout.slots);
    expect(layout.stepBlock).toBe(plan.populations.length * 3);
    const src = stepSources(layout, plan.populations.length);
    expect(src.neuron).toMatch(/^function \(S, stepIn, gen, s, P\) \{/);
    expect(src.neuron).not.toContain('isc');
    expect(src.deliver).not.toContain('decay < 0');
  });
});
