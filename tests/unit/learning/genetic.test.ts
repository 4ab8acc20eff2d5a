/**
 * The genetic algorithm on fitness functions with a known maximum, its reproducibility from the
 * seed, its bounds and its elitism.
 */
import { describe, expect, it } from 'vitest';
import { evolve } from '../../../src/engine/learning/genetic.ts';

const GENES = 8;
const TARGET = [0.1, 0.9, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4];
const UNIT = { lower: new Array<number>(GENES).fill(0), upper: new Array<number>(GENES).fill(1) };
/** Maximum 0 at TARGET. */
const distance = (g: Float32Array) => -g.reduce((s, v, i) => s + (v - (TARGET[i] ?? 0)) ** 2, 0);

describe('evolve', () => {
  it('finds the maximum of a known fitness, never losing its best (elitism)', async () => {
    const start = await evolve(distance, UNIT, 0, { seed: 3 });
    const { best, fitness, history } = await evolve(distance, UNIT, 150, {
      seed: 3,
      populationSize: 30,
      mutationRate: 0.2,
    });
    expect(history).toHaveLength(151);
    // A random genome in the unit cube is about 8 * (1/12 + var of targets) away: ~ -1.
    expect(start.fitness).toBeLessThan(-0.2);
    expect(fitness).toBeGreaterThan(-0.01);
    expect(fitness).toBe(distance(best));
    for (let g = 1; g < history.length; g++) {
      expect(history[g]?.bestFitness).toBeGreaterThanOrEqual(history[g - 1]?.bestFitness ?? 0);
    }
  });

  it('puts `initial` first in the first generation, clipped, so the result is never worse', async () => {
    const seen: Float32Array[] = [];
    const f = (g: Float32Array) => {
      seen.push(g.slice());
      return distance(g);
    };
    // One gene out of bounds: evaluated first, clipped.
    const initial = [...TARGET.slice(0, GENES - 1), 1.5];
    const clipped = [...TARGET.slice(0, GENES - 1), 1];
    await evolve(f, UNIT, 5, { seed: 4, initial });
    expect(Array.from(seen[0] ?? [])).toEqual(Array.from(Float32Array.from(clipped)));
    expect(Array.from(seen[1] ?? [])).not.toEqual(Array.from(seen[0] ?? []));
    // The optimum as `initial`: nothing beats it, so it is the result.
    const optimum = Float32Array.from(TARGET);
    const { best, fitness } = await evolve(distance, UNIT, 5, { seed: 4, initial: TARGET });
    expect(fitness).toBe(distance(optimum));
    expect(Array.from(best)).toEqual(Array.from(optimum));
    seen.length = 0;
    await evolve(f, UNIT, 0, { seed: 4, initial });
    // The rest of the first generation is the same random draw as without `initial`.
    const plain: Float32Array[] = [];
    await evolve((g) => (plain.push(g.slice()), distance(g)), UNIT, 0, { seed: 4 });
    expect(seen.slice(1, 20).map((g) => Array.from(g))).toEqual(
      plain.slice(1, 20).map((g) => Array.from(g)),
    );
    await expect(evolve(f, UNIT, 1, { seed: 4, initial: [0.5] })).rejects.toThrow(
      'initial has 1 genes, the bounds 8',
    );
  });

  it('keeps every gene inside its own bounds (the optimum outside them lands on the bound)', async () => {
    const bounds = { lower: [-2, 10, 0.5], upper: [-1, 20, 0.5] };
    // Maximum at (0, 0, 0): outside the first two ranges, on the third (a fixed gene).
    const seen: Float32Array[] = [];
    const f = (g: Float32Array) => {
      seen.push(g.slice());
      return -((g[0] ?? 0) ** 2) - (g[1] ?? 0) ** 2 - (g[2] ?? 0) ** 2;
    };
    const { best } = await evolve(f, bounds, 60, { seed: 9, mutationRate: 0.3 });
    for (const g of seen) {
      g.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(bounds.lower[i] ?? NaN);
        expect(v).toBeLessThanOrEqual(bounds.upper[i] ?? NaN);
      });
    }
    expect(best[0]).toBeCloseTo(-1, 1);
    expect(best[1]).toBeCloseTo(10, 0);
    expect(best[2]).toBe(0.5);
  });

  it('gives the same result for the same seed, another for another seed, with an async fitness', async () => {
    const asyncFitness = async (g: Float32Array) => {
      await Promise.resolve();
      return distance(g);
    };
    const a = await evolve(asyncFitness, UNIT, 10, { seed: 42 });
    const b = await evolve(distance, UNIT, 10, { seed: 42 });
    const c = await evolve(distance, UNIT, 10, { seed: 43 });
    expect([...a.best]).toEqual([...b.best]);
    expect(a.history).toEqual(b.history);
    expect([...c.best]).not.toEqual([...a.best]);
  });

  it('reports each generation and stops on abort', async () => {
    const controller = new AbortController();
    const reports: number[] = [];
    const run = evolve(distance, UNIT, 50, {
      seed: 1,
      signal: controller.signal,
      onGeneration: (r) => {
        reports.push(r.generation);
        if (r.generation === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toEqual([0, 1, 2]);
  });

  it('refuses bad options and a fitness that is not a number, naming them', async () => {
    await expect(
      evolve(distance, { lower: [0, 1], upper: [1] }, 1, { seed: 1, populationSize: 1 }),
    ).rejects.toThrow(
      'evolve: populationSize must be a whole number >= 2, got 1; bounds need one lower and one upper value per gene, got 2 and 1',
    );
    await expect(evolve(distance, { lower: [1], upper: [0] }, 1, { seed: 1 })).rejects.toThrow(
      'gene 0 has bounds [1, 0]',
    );
    await expect(evolve(() => NaN, UNIT, 1, { seed: 1 })).rejects.toThrow(
      'evolve: the fitness of genome 0 in generation 0 is NaN, not a number',
    );
  });
});
