import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { MemoryBudgetError } from '../../../src/engine/errors.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import {
  PROJECTION_STREAM,
  STREAM,
  draw24,
  stepKey,
  streamKey,
} from '../../../src/engine/random.ts';
import type { Population, Projection } from '../../../src/model/document.ts';
import { cubaDocument, lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

const f = Math.fround;

function projection(overrides: Partial<Projection>): Projection {
  return {
    id: 'p',
    source: 'A',
    target: 'B',
    connectivity: { rule: 'all_to_all', allow_self: true },
    weight: { kind: 'constant', value: 0.5 },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
    ...overrides,
  };
}

function lifModel(plan: Plan, population: number) {
  const m = plan.populations[population]?.model;
  if (m?.model !== 'stochastic_lif') throw new Error('expected a LIF population');
  return m;
}

describe('compile: neuron constants', () => {
  it('rounds the LIF constants as plan.ts documents', () => {
    const doc = makeDocument(
      {
        populations: [
          lifPopulation(
            'A',
            3,
            tutorialLif({ tau_mem: 7, resistance: 0.3, refractory_period: 2.5, bias: 0.1 }),
          ),
        ],
      },
      { dt: 0.1, duration: 1 },
    );
    const plan = compile(doc);
    const m = lifModel(plan, 0);
    expect(m.leak).toBe(f(0.1 / 7));
    expect(m.rdt).toBe(f(0.3 * 0.1));
    expect(m.bias).toBe(f(0.1));
    expect(m.refractorySteps).toBe(25);
    expect(m.noiseKey).toBe(streamKey(1, 0, STREAM.noise));
    expect(plan.totalSteps).toBe(10);
  });

  it('draws uniform v_init from STREAM.init with the documented float32 formula', () => {
    const params = tutorialLif({ v_init: { kind: 'uniform', low: -60, high: -50 } });
    const doc = makeDocument(
      { populations: [lifPopulation('A', 2, tutorialLif()), lifPopulation('B', 100, params)] },
      { seed: 77 },
    );
    const m = lifModel(compile(doc), 1);
    const key = stepKey(streamKey(77, 1, STREAM.init), 0);
    for (const j of [0, 1, 50, 99]) {
      const u = draw24(key, j) * 2 ** -24;
      expect(m.vInit[j]).toBe(f(-60 + f(f(10) * u)));
    }
    expect(Math.min(...m.vInit)).toBeGreaterThanOrEqual(-60);
    expect(Math.max(...m.vInit)).toBeLessThan(-50);
  });

  it('compiles Poisson thresholds and spike-generator schedules', () => {
    const populations: Population[] = [
      { id: 'P', size: 4, position: { x: 0, y: 0 }, model: 'poisson', params: { rate: 10 } },
      {
        id: 'G',
        size: 3,
        position: { x: 0, y: 0 },
        model: 'spike_generator',
        // Step 1 listed twice for neuron 2 (1.0 and 1.04 both round to step 10 at dt 0.1).
        params: { indices: [2, 0, 2, 1], times: [1.0, 0.3, 1.04, 0], period: 0 },
      },
      {
        id: 'R',
        size: 2,
        position: { x: 0, y: 0 },
        model: 'spike_generator',
        params: { indices: [1, 0], times: [0.2, 0], period: 0.5 },
      },
    ];
    const plan = compile(makeDocument({ populations }, { dt: 0.1, duration: 2 }));
    const poisson = plan.populations[0]?.model;
    expect(poisson).toMatchObject({ model: 'poisson', threshold24: Math.round(0.001 * 2 ** 24) });
    const gen = plan.populations[1]?.model;
    if (gen?.model !== 'spike_generator') throw new Error('expected a generator');
    expect(gen.periodSteps).toBe(0);
    // Played once, the schedule ends at its last spike (step 10), not at the end of the run.
    expect(gen.stepPtr.length).toBe(12);
    const at = (s: number) => Array.from(gen.indices.subarray(gen.stepPtr[s], gen.stepPtr[s + 1]));
    expect(at(0)).toEqual([1]);
    expect(at(3)).toEqual([0]);
    expect(at(10)).toEqual([2]);
    expect(gen.indices.length).toBe(3);
    const rep = plan.populations[2]?.model;
    if (rep?.model !== 'spike_generator') throw new Error('expected a generator');
    expect(rep.periodSteps).toBe(5);
    expect(Array.from(rep.stepPtr)).toEqual([0, 1, 1, 2, 2, 2]);
  });
});

describe('compile: projections', () => {
  const two = [lifPopulation('A', 200, tutorialLif()), lifPopulation('B', 150, tutorialLif())];

  it('shares one channel per (target, tau), in order of first appearance', () => {
    const doc = makeDocument({
      populations: two,
      projections: [
        projection({ id: 'a', synapse: { kind: 'exponential', tau: 5 } }),
        projection({ id: 'b', synapse: { kind: 'delta' } }),
        projection({ id: 'c', source: 'B', target: 'A', synapse: { kind: 'exponential', tau: 5 } }),
        projection({ id: 'd', synapse: { kind: 'exponential', tau: 10 } }),
        projection({ id: 'e', source: 'B', synapse: { kind: 'exponential', tau: 5 } }),
      ],
    });
    const plan = compile(doc);
    expect(plan.projections.map((p) => p.destination)).toEqual([
      { kind: 'current', channel: 0 },
      { kind: 'delta' },
      { kind: 'current', channel: 1 },
      { kind: 'current', channel: 2 },
      { kind: 'current', channel: 0 },
    ]);
    expect(plan.channels.map((c) => [c.target, c.tau, c.decay])).toEqual([
      [1, 5, f(Math.exp(-1 / 5))],
      [0, 5, f(Math.exp(-1 / 5))],
      [1, 10, f(Math.exp(-1 / 10))],
    ]);
    expect(plan.populations[0]?.channels).toEqual([1]);
    expect(plan.populations[1]?.channels).toEqual([0, 2]);
  });

  it('keeps shared weights and delays out of memory and draws the others per synapse', () => {
    const doc = makeDocument({
      populations: two,
      projections: [
        projection({ id: 'const' }),
        projection({
          id: 'uni',
          weight: { kind: 'uniform', low: 0.2, high: 0.6 },
          delay: { kind: 'uniform_int', low: 1, high: 4 },
        }),
        projection({ id: 'norm', weight: { kind: 'normal', mean: 1, std: 0.25 } }),
      ],
    });
    const plan = compile(doc, {});
    const [c, u, n] = plan.projections;
    expect(c?.csr.weights).toEqual({ constant: f(0.5) });
    expect(c?.csr.delays).toEqual({ constant: 0 });
    const uw = u?.csr.weights;
    const ud = u?.csr.delays;
    if (!(uw instanceof Float32Array) || !(ud instanceof Uint8Array))
      throw new Error('per synapse');
    expect(uw.length).toBe(30000);
    expect(Math.min(...uw)).toBeGreaterThanOrEqual(f(0.2));
    expect(Math.max(...uw)).toBeLessThan(0.6);
    const wKey = stepKey(streamKey(1, 1, PROJECTION_STREAM.weight), 0);
    expect(uw[123]).toBe(f(0.2 + f(f(0.6 - 0.2) * draw24(wKey, 123) * 2 ** -24)));
    const counts = [0, 0, 0, 0, 0];
    for (const d of ud) counts[d] = (counts[d] ?? 0) + 1;
    expect(counts[0]).toBe(0);
    // Each of 1..4 about 7500 times (sd ~75).
    for (const k of [1, 2, 3, 4]) expect(Math.abs((counts[k] ?? 0) - 7500)).toBeLessThan(400);
    expect(u?.maxDelay).toBe(4);
    const nw = n?.csr.weights;
    if (!(nw instanceof Float32Array)) throw new Error('per synapse');
    const mean = nw.reduce((a, b) => a + b, 0) / nw.length;
    const sd = Math.sqrt(nw.reduce((a, b) => a + (b - mean) ** 2, 0) / nw.length);
    expect(Math.abs(mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(sd - 0.25)).toBeLessThan(0.01);
  });

  it('reproduces for a seed and differs between seeds', () => {
    const a = compile(cubaDocument(3, 10));
    const b = compile(cubaDocument(3, 10));
    const c = compile(cubaDocument(4, 10));
    expect(b.projections[0]?.csr.targets).toEqual(a.projections[0]?.csr.targets);
    expect(lifModel(b, 0).vInit).toEqual(lifModel(a, 0).vInit);
    expect(c.projections[0]?.csr.targets).not.toEqual(a.projections[0]?.csr.targets);
    expect(lifModel(c, 0).vInit).not.toEqual(lifModel(a, 0).vInit);
  });
});

describe('compile: memory', () => {
  it('stores CUBA in 4 bytes of connectivity per synapse', () => {
    const plan = compile(cubaDocument(1, 10));
    let synapses = 0;
    for (const p of plan.projections) {
      synapses += p.csr.targets.length;
      expect(p.csr.weights).not.toBeInstanceOf(Float32Array);
      expect(p.csr.delays).not.toBeInstanceOf(Uint8Array);
    }
    // 4000 x 4000 x 0.02 = 320,000 expected; the drawn count within 4 sigma.
    expect(Math.abs(synapses - 320000)).toBeLessThan(4 * Math.sqrt(320000));
    const bytes = plan.projections.reduce((sum, p) => sum + p.csr.targets.byteLength, 0);
    expect(bytes / synapses).toBe(4);
    expect(plan.estimatedBytes).toBeGreaterThan(bytes);
    expect(plan.estimatedBytes).toBeLessThan(bytes * 1.2);
  });

  it('refuses a 1e6 x 1e6 all_to_all before allocating, naming the projection', () => {
    const doc = makeDocument({
      populations: [lifPopulation('big', 1_000_000, tutorialLif())],
      projections: [projection({ id: 'dense', source: 'big', target: 'big' })],
    });
    const t0 = performance.now();
    let error: unknown;
    try {
      compile(doc);
    } catch (e) {
      error = e;
    }
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(error).toBeInstanceOf(MemoryBudgetError);
    const m = error as MemoryBudgetError;
    expect(m.estimateBytes).toBeGreaterThan(4e12);
    expect(m.budgetBytes).toBe(2 ** 30);
    expect(m.message).toContain("projection 'dense'");
    expect(m.message).toContain('3.6 TiB');
  });

  it('refuses a projection whose synapse indices would not fit Uint32, whatever the budget', () => {
    const doc = makeDocument({
      populations: [lifPopulation('big', 70_000, tutorialLif())],
      projections: [projection({ id: 'dense', source: 'big', target: 'big' })],
    });
    expect(() => compile(doc, { memoryBudgetBytes: 2 ** 50 })).toThrow(/projection 'dense'/);
  });

  it('honours a smaller budget given as an option', () => {
    expect(() => compile(cubaDocument(1, 10), { memoryBudgetBytes: 1e6 })).toThrow(
      MemoryBudgetError,
    );
    expect(compile(cubaDocument(1, 10), { memoryBudgetBytes: 2e6 }).estimatedBytes).toBeLessThan(
      2e6,
    );
  });
});
