/**
 * A genetic algorithm over flat genomes (sc-neurocore's `SNNGeneticEvolver`): a genome is a
 * Float32Array of weights and parameters, each gene with its own bounds. Per generation: rank by
 * fitness, keep the elite, and fill the rest with children of two distinct parents drawn from
 * the top `n_elite + 5` (as the seed), made by uniform crossover and Gaussian mutation, clipped
 * to the bounds.
 *
 * Where we differ from the seed, and why:
 * - Every draw comes from the engine's counter-based generator keyed by (seed, generation,
 *   stream, index), so a run is reproducible from its seed alone (the seed uses NumPy's global
 *   state).
 * - The mutation's standard deviation is `mutationScale` times each gene's range (the seed's 0.1
 *   on weights in [0, 1] is the default), so genes of different units mutate alike.
 * - The result is the best genome evaluated in the whole run, the last generation included (the
 *   seed returns the first of the unevaluated last generation: the previous best, never one of
 *   its final children).
 * - The fitness may be async (a simulation in a worker); a generation is evaluated with
 *   `Promise.all`.
 */
import { draw24, gaussianFromBits, gaussianTable, stepKey, streamKey } from '../random.ts';

/** Inclusive bounds per gene. */
export interface GeneBounds {
  readonly lower: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
}

export interface GeneticOptions {
  /** Genomes per generation (the seed's 20). */
  populationSize?: number;
  /** Probability that a child's gene is mutated (the seed's 0.05). */
  mutationRate?: number;
  /** Fraction of the population kept unchanged (the seed's 0.2). */
  eliteFraction?: number;
  /** Mutation standard deviation as a fraction of the gene's range (0.1: the seed's on [0, 1]). */
  mutationScale?: number;
  seed: number;
  /**
   * A genome that takes the first place of the first generation (clipped to the bounds): e.g.
   * the weights a network has now, so that the result is never worse than where the search
   * started. The seed has no such option (its first generation is all random).
   */
  initial?: ArrayLike<number>;
  /** After each generation is evaluated: its best and mean fitness. */
  onGeneration?: (g: GenerationReport) => void;
  /** Aborting stops before the next evaluation; `evolve` then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

export interface GenerationReport {
  generation: number;
  bestFitness: number;
  meanFitness: number;
}

export interface EvolveResult {
  best: Float32Array;
  fitness: number;
  /** Per evaluated generation (generations + 1 of them: the last population is evaluated too). */
  history: GenerationReport[];
}

export type Fitness = (genome: Float32Array) => number | Promise<number>;

/** Streams of the algorithm's draws (any distinct numbers; keyed per generation). */
const DRAW = { init: 1, parents: 2, crossover: 3, mutate: 4, noise: 5 } as const;
/** Parents come from the top `n_elite + PARENT_EXTRA` (the seed's `ranked_pop[: n_elite + 5]`). */
const PARENT_EXTRA = 5;
const HALF = 2 ** 23;

/**
 * Evolves genomes for `generations` generations and returns the fittest one evaluated (higher
 * fitness is better). The first generation is uniform within the bounds (but for `initial`,
 * when given, in its first place).
 *
 * @example
 * const { best } = await evolve((g) => -((g[0] - 0.3) ** 2), { lower: [0], upper: [1] }, 40,
 *   { seed: 1 });
 */
export async function evolve(
  fitness: Fitness,
  bounds: GeneBounds,
  generations: number,
  options: GeneticOptions,
): Promise<EvolveResult> {
  const o = checkedOptions(bounds, generations, options);
  const genes = bounds.lower.length;
  const lower = Float32Array.from(bounds.lower);
  const upper = Float32Array.from(bounds.upper);
  const table = gaussianTable();
  const key = (generation: number, stream: number) =>
    stepKey(streamKey(options.seed, generation, stream), 0);
  const uniform = (k: number, i: number) => draw24(k, i) * 2 ** -24;

  const initKey = key(0, DRAW.init);
  let population: Float32Array[] = Array.from({ length: o.size }, (_, p) =>
    Float32Array.from({ length: genes }, (_, i) => {
      const lo = lower[i] ?? 0;
      return clip(lo + uniform(initKey, p * genes + i) * ((upper[i] ?? 0) - lo), lo, upper[i] ?? 0);
    }),
  );
  if (options.initial !== undefined) {
    const start = options.initial;
    population[0] = Float32Array.from({ length: genes }, (_, i) =>
      clip(start[i] ?? 0, lower[i] ?? 0, upper[i] ?? 0),
    );
  }
  const history: GenerationReport[] = [];
  let best = { genome: population[0] ?? new Float32Array(genes), fitness: -Infinity };

  for (let generation = 0; ; generation++) {
    if (options.signal?.aborted) throw new DOMException('evolve was cancelled', 'AbortError');
    const scores = await Promise.all(population.map((g) => Promise.resolve(fitness(g))));
    scores.forEach((s, p) => {
      if (typeof s !== 'number' || Number.isNaN(s)) {
        throw new RangeError(
          `evolve: the fitness of genome ${p} in generation ${generation} is ${String(s)}, not a number`,
        );
      }
    });
    // Best first; a stable sort keeps the earlier genome first on a tie.
    const order = scores.map((_, p) => p).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
    const ranked = order.map((p) => population[p] ?? new Float32Array(genes));
    const top = scores[order[0] ?? 0] ?? -Infinity;
    const report = {
      generation,
      bestFitness: top,
      meanFitness: scores.reduce((a, b) => a + b, 0) / scores.length,
    };
    history.push(report);
    options.onGeneration?.(report);
    if (top > best.fitness) best = { genome: (ranked[0] ?? best.genome).slice(), fitness: top };
    if (generation === generations) break;
    population = nextGeneration(ranked, generation + 1);
  }
  return { best: best.genome, fitness: best.fitness, history };

  function nextGeneration(ranked: Float32Array[], generation: number): Float32Array[] {
    const next = ranked.slice(0, o.elite).map((g) => g.slice());
    const pool = Math.min(o.elite + PARENT_EXTRA, ranked.length);
    const parentKey = key(generation, DRAW.parents);
    const crossKey = key(generation, DRAW.crossover);
    const mutateKey = key(generation, DRAW.mutate);
    const noiseKey = key(generation, DRAW.noise);
    for (let c = next.length; c < o.size; c++) {
      // Two distinct parents, uniformly, without replacement (as np.random.choice(..., 2, False)).
      const a = Math.floor(uniform(parentKey, 2 * c) * pool);
      let b = Math.floor(uniform(parentKey, 2 * c + 1) * (pool - 1));
      if (b >= a) b += 1;
      const p1 = ranked[a] ?? ranked[0];
      const p2 = ranked[b] ?? ranked[0];
      const child = new Float32Array(genes);
      for (let i = 0; i < genes; i++) {
        const index = c * genes + i;
        let v = draw24(crossKey, index) < HALF ? (p1?.[i] ?? 0) : (p2?.[i] ?? 0);
        if (uniform(mutateKey, index) < o.mutationRate) {
          const sd = o.mutationScale * ((upper[i] ?? 0) - (lower[i] ?? 0));
          v += sd * gaussianFromBits(draw24(noiseKey, index), table);
        }
        child[i] = clip(v, lower[i] ?? 0, upper[i] ?? 0);
      }
      next.push(child);
    }
    return next;
  }
}

function clip(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function checkedOptions(bounds: GeneBounds, generations: number, options: GeneticOptions) {
  const size = options.populationSize ?? 20;
  const mutationRate = options.mutationRate ?? 0.05;
  const eliteFraction = options.eliteFraction ?? 0.2;
  const mutationScale = options.mutationScale ?? 0.1;
  const elite = Math.floor(size * eliteFraction);
  const problems: string[] = [];
  if (!Number.isInteger(size) || size < 2) {
    problems.push(`populationSize must be a whole number >= 2, got ${size}`);
  }
  if (!(mutationRate >= 0 && mutationRate <= 1)) {
    problems.push(`mutationRate must be in [0, 1], got ${mutationRate}`);
  }
  if (!(eliteFraction >= 0 && eliteFraction < 1)) {
    problems.push(`eliteFraction must be in [0, 1), got ${eliteFraction}`);
  }
  if (!(mutationScale >= 0 && Number.isFinite(mutationScale))) {
    problems.push(`mutationScale must be a finite number >= 0, got ${mutationScale}`);
  }
  if (!Number.isInteger(generations) || generations < 0) {
    problems.push(`generations must be a whole number >= 0, got ${generations}`);
  }
  if (options.initial !== undefined && options.initial.length !== bounds.lower.length) {
    problems.push(`initial has ${options.initial.length} genes, the bounds ${bounds.lower.length}`);
  }
  if (options.initial !== undefined && !Array.from(options.initial).every(Number.isFinite)) {
    problems.push('initial must hold finite numbers only');
  }
  if (bounds.lower.length !== bounds.upper.length || bounds.lower.length === 0) {
    problems.push(
      `bounds need one lower and one upper value per gene, got ${bounds.lower.length} and ${bounds.upper.length}`,
    );
  } else {
    for (let i = 0; i < bounds.lower.length; i++) {
      const lo = bounds.lower[i] ?? NaN;
      const hi = bounds.upper[i] ?? NaN;
      if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
        problems.push(
          `gene ${i} has bounds [${lo}, ${hi}]; they must be finite with lower <= upper`,
        );
      }
    }
  }
  if (problems.length > 0) throw new RangeError(`evolve: ${problems.join('; ')}`);
  return { size, mutationRate, mutationScale, elite };
}
