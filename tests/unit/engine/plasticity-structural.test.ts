/**
 * Structural plasticity (CONTEXT.md step 5f): a small case worked by hand through
 * `structuralUpdate`, then the same through a document run: reproducible for a seed, different
 * for another.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { structuralUpdate } from '../../../src/engine/plasticity/structural-step.ts';
import type { StructuralPlan } from '../../../src/engine/plan.ts';
import { draw24, stepKey } from '../../../src/engine/random.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { generator, makeDocument, postPopulation } from './plasticity-fixtures.ts';

const f = Math.fround;
const WEIGHTS = [0.5, 0.01, -0.02, 0, 0.3, 0.04];

function plan(overrides: Partial<StructuralPlan> = {}): StructuralPlan {
  return {
    intervalSteps: 10,
    pruneBelow: f(0.05),
    growMax: 2,
    growLow: f(0.2),
    growSpan: f(0.1),
    pickKey: 12345,
    weightKey: 678,
    ...overrides,
  };
}

describe('structuralUpdate', () => {
  it('does nothing between interval ends', () => {
    const w = Float32Array.from(WEIGHTS);
    for (let t = 0; t < 9; t++) structuralUpdate(w, plan(), t);
    structuralUpdate(w, plan(), 10);
    expect(Array.from(w)).toEqual(Array.from(Float32Array.from(WEIGHTS)));
  });

  it('prunes |w| < prune_below and grows min(pruned, growMax) of the zeros, by hand', () => {
    const w = Float32Array.from(WEIGHTS);
    const t = 19;
    structuralUpdate(w, plan(), t);
    // Pruned: 0.01, -0.02, 0 (already absent, still counted) and 0.04: synapses 1, 2, 3, 5, so
    // pruned = 4 and the zeros are [1, 2, 3, 5]; n = min(4, growMax 2, 4) = 2.
    // Partial Fisher-Yates over the zeros with the draws of step 19.
    const zeros = [1, 2, 3, 5];
    const kp = stepKey(12345, t);
    const kw = stepKey(678, t);
    const grown = new Map<number, number>();
    for (let i = 0; i < 2; i++) {
      const r = i + Math.floor((draw24(kp, i) * (4 - i)) / 2 ** 24);
      [zeros[i], zeros[r]] = [zeros[r] ?? -1, zeros[i] ?? -1];
      grown.set(zeros[i] ?? -1, f(f(0.2) + f(f(0.1) * draw24(kw, i) * 2 ** -24)));
    }
    expect(grown.size).toBe(2);
    const expected = [0.5, 0, 0, 0, 0.3, 0].map((x, e) => grown.get(e) ?? f(x));
    expect(Array.from(w)).toEqual(expected);
    for (const v of grown.values()) {
      expect(v).toBeGreaterThanOrEqual(f(0.2));
      expect(v).toBeLessThan(f(0.3));
    }
  });

  it('grows no more than were pruned, and none when nothing is pruned', () => {
    const w = Float32Array.of(0.5, 0.01, 0.3);
    structuralUpdate(w, plan({ growMax: 5, growLow: 0, growSpan: f(0.01) }), 9);
    // One pruned (0.01), so at most one grows back, into the one zero: synapse 1.
    expect(w[0]).toBe(f(0.5));
    expect(w[1]).toBeGreaterThanOrEqual(0);
    expect(w[2]).toBe(f(0.3));
    const strong = Float32Array.of(0.5, 0.6);
    structuralUpdate(strong, plan(), 9);
    expect(Array.from(strong)).toEqual([f(0.5), f(0.6)]);
  });
});

/**
 * 10 sources x 10 targets with explicit weights 0, 0.037, 0.074, 0.011, ... (e * 37 mod 100 per
 * mille), the same for every seed, so a seed changes only the structural draws: half of them
 * are below 0.05 and get pruned.
 */
function structuralDocument(seed: number): NetworkDocument {
  return makeDocument(
    {
      populations: [generator('pre', 10, [], []), postPopulation('post', 10)],
      projections: [
        {
          id: 'grow',
          source: 'pre',
          target: 'post',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: {
            kind: 'explicit',
            values: Array.from({ length: 100 }, (_, e) => ((e * 37) % 100) / 1000),
          },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'delta' },
          structural: {
            interval: 5,
            prune_below: 0.05,
            growth_rate: 0.1,
            grow_low: 0.5,
            grow_high: 0.8,
          },
        },
      ],
      probes: [{ id: 'w', kind: 'synapse', projection: 'grow', variable: 'w', synapses: [0, 1] }],
    },
    { dt: 1, duration: 20, seed },
  );
}

async function learned(seed: number, steps: number): Promise<Float32Array> {
  const sim = await createSimulation(structuralDocument(seed), { backend: 'reference' });
  await sim.step(steps);
  const w = (await sim.learnedWeights()).grow ?? new Float32Array();
  sim.dispose();
  return w;
}

describe('structural plasticity in a run', () => {
  it('prunes the weak synapses and grows growth_rate of them per interval', async () => {
    const initial = compile(structuralDocument(3)).projections[0]?.csr.weights;
    if (!(initial instanceof Float32Array)) throw new Error('weights are per synapse');
    const weak = initial.filter((w) => Math.abs(w) < f(0.05)).length;
    expect(weak).toBe(50);
    // After the first interval (step 4): the weak are gone but for 10 (floor(0.1 * 100)) grown.
    const w = await learned(3, 5);
    const grown = w.filter((x) => x >= f(0.5) && x < f(0.8)).length;
    expect(grown).toBe(10);
    expect(w.filter((x) => x === 0).length).toBe(weak - 10);
    initial.forEach((x, e) => {
      if (Math.abs(x) >= f(0.05)) expect(w[e]).toBe(x);
    });
    // Weights change only at interval ends: after step 3, none has changed yet.
    expect(Array.from(await learned(3, 4))).toEqual(Array.from(initial));
  });

  it('is reproducible for a seed and different for another', async () => {
    const a = await learned(3, 20);
    const b = await learned(3, 20);
    expect(Array.from(a)).toEqual(Array.from(b));
    // The same explicit initial weights: only the picks and grown weights depend on the seed.
    const c = await learned(4, 20);
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('grows into the same synapses with the same weights after a reset', async () => {
    const sim = await createSimulation(structuralDocument(3), { backend: 'reference' });
    await sim.step(20);
    const first = (await sim.learnedWeights()).grow;
    await sim.reset();
    await sim.step(20);
    expect(Array.from((await sim.learnedWeights()).grow ?? [])).toEqual(Array.from(first ?? []));
    sim.dispose();
  });
});
