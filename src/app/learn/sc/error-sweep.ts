/**
 * Step 3's measurement: the RMS error of SC estimates against the stream length, for each
 * generator, over many trials. Each trial draws its own inputs x, w uniformly in [0, 1] and its
 * own seed, so deterministic generators (Sobol has no seed) are averaged over inputs as well.
 *
 * The sweep is incremental: `advance(budgetMs)` works until the budget is spent and returns, so
 * the page can run it in slices between frames and show progress. Long streams cost more, so
 * progress counts bits, not trials.
 */
import { bitstreamToProbability } from '../../../engine/sc/index.ts';
import { mix32 } from '../../../engine/random.ts';
import { makeStreams, type GeneratorKind } from './generators.ts';

/** What is estimated: the product x w through an AND gate, or the value x alone. */
export type SweepMeasure = 'product' | 'value';

export interface SweepConfig {
  generators: readonly GeneratorKind[];
  /** Stream lengths, ascending. */
  lengths: readonly number[];
  trials: number;
  measure: SweepMeasure;
}

/** One generator's RMS error at each length (NaN where not measured yet). */
export interface SweepCurve {
  generator: GeneratorKind;
  rms: number[];
}

/** x and w of trial `trial`: fixed per trial, so a sweep is reproducible. */
export function trialInputs(trial: number): { x: number; w: number } {
  const unit = (k: number) => mix32((trial * 2 + k + 0x51ed) >>> 0) / 2 ** 32;
  return { x: unit(0), w: unit(1) };
}

/** The signed error of one trial: the stream estimate minus the exact value. */
export function trialError(
  generator: GeneratorKind,
  measure: SweepMeasure,
  length: number,
  trial: number,
): number {
  const { x, w } = trialInputs(trial);
  const streams = makeStreams({ generator, x, w, length, seed: trial + 1, correlated: false });
  return measure === 'product'
    ? bitstreamToProbability(streams.product) - x * w
    : bitstreamToProbability(streams.pre) - x;
}

/**
 * The RMS error a random (Bernoulli) stream has on average over the sweep's inputs:
 * sqrt(E[p (1 - p)] / L) with p = x w (E = 1/4 - 1/9 = 5/36) or p = x (E = 1/2 - 1/3 = 1/6),
 * for x, w uniform on [0, 1]. The 1/sqrt(L) reference line of the plot.
 */
export function bernoulliTheory(measure: SweepMeasure, length: number): number {
  const variance = measure === 'product' ? 5 / 36 : 1 / 6;
  return Math.sqrt(variance / length);
}

/** A sweep in progress. */
export interface ErrorSweep {
  readonly config: SweepConfig;
  readonly curves: readonly SweepCurve[];
  /** Fraction of the work done, 0..1 (by bits). */
  progress(): number;
  done(): boolean;
  /** Work until `budgetMs` have passed on `clock` (ms) or the sweep is done; at least one trial. */
  advance(budgetMs: number, clock?: () => number): void;
}

/**
 * A sweep over `config`, nothing measured yet.
 *
 * @example
 * const sweep = createErrorSweep({ generators: ['bernoulli'], lengths: [8, 64], trials: 50,
 *   measure: 'product' });
 * while (!sweep.done()) sweep.advance(10);
 * sweep.curves[0].rms // two RMS errors, the second about sqrt(8) times smaller
 */
export function createErrorSweep(config: SweepConfig): ErrorSweep {
  if (!(config.trials >= 1))
    throw new RangeError(`trials must be at least 1, got ${config.trials}`);
  const curves: SweepCurve[] = config.generators.map((generator) => ({
    generator,
    rms: config.lengths.map(() => NaN),
  }));
  const bitsPerGenerator = config.lengths.reduce((a, L) => a + L, 0) * config.trials;
  const totalBits = bitsPerGenerator * config.generators.length;
  let g = 0;
  let l = 0;
  let trial = 0;
  let squares = 0;
  let doneBits = 0;

  const finished = () => g >= config.generators.length || config.lengths.length === 0;

  function step(): void {
    const curve = curves[g] as SweepCurve;
    const length = config.lengths[l] as number;
    const e = trialError(curve.generator, config.measure, length, trial);
    squares += e * e;
    doneBits += length;
    trial++;
    if (trial < config.trials) return;
    curve.rms[l] = Math.sqrt(squares / config.trials);
    squares = 0;
    trial = 0;
    l++;
    if (l < config.lengths.length) return;
    l = 0;
    g++;
  }

  return {
    config,
    curves,
    progress: () => (totalBits === 0 ? 1 : doneBits / totalBits),
    done: finished,
    advance(budgetMs, clock = () => performance.now()) {
      const start = clock();
      do {
        if (finished()) return;
        step();
      } while (clock() - start < budgetMs);
    },
  };
}
