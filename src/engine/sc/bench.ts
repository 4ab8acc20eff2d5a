/**
 * Throughput of the SC kernels in plain JS, for `npx spikelab bench`: the fused AND + popcount
 * over bit-packed streams, and steps per second of the tutorial's section 4 dense layer.
 */
import { andPopcountWords } from './word-kernels.ts';
import { SCDenseLayer } from './dense-layer.ts';
import { mix32 } from '../random.ts';

/** What `benchStochasticComputing` measures. */
export interface ScBenchResult {
  /** Bits of `a AND b` produced and counted per second, in Gbit/s. */
  andPopcountGbitPerS: number;
  /** Time steps per second of the 4-neuron, 8-input section 4 layer. */
  denseLayerStepsPerS: number;
}

/** Sizes of the measurement (smaller values make a quick smoke run). */
export interface ScBenchOptions {
  /** Words per stream (default 2^20 words = 32 Mbit). */
  words?: number;
  /** Minimum time spent on each measurement, ms (default 300). */
  minMs?: number;
  /** Dense-layer steps per timed run (default 20000). */
  denseSteps?: number;
}

/**
 * Measure both throughputs; each is timed over repeated passes until `minMs` has elapsed, so a
 * busy machine lowers the number rather than making it meaningless.
 *
 * @example
 * const { andPopcountGbitPerS, denseLayerStepsPerS } = benchStochasticComputing();
 */
export function benchStochasticComputing(options: ScBenchOptions = {}): ScBenchResult {
  const words = options.words ?? 1 << 20;
  const minMs = options.minMs ?? 300;
  const denseSteps = options.denseSteps ?? 20000;
  return {
    andPopcountGbitPerS: benchAndPopcount(words, minMs),
    denseLayerStepsPerS: benchDenseLayer(denseSteps, minMs),
  };
}

function benchAndPopcount(words: number, minMs: number): number {
  const a = new Uint32Array(words);
  const b = new Uint32Array(words);
  for (let i = 0; i < words; i++) {
    a[i] = mix32(i);
    b[i] = mix32(i ^ 0x9e3779b9);
  }
  andPopcountWords(a, b, 0, words); // warm up the JIT before timing
  let passes = 0;
  let checksum = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    checksum += andPopcountWords(a, b, 0, words);
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  // Random words: a quarter of the bits survive the AND; a wrong kernel must not be timed.
  if (Math.abs(checksum / (passes * words * 32) - 0.25) > 0.01) {
    throw new Error('AND+popcount benchmark produced an implausible count');
  }
  return (passes * words * 32) / (elapsed / 1000) / 1e9;
}

function benchDenseLayer(steps: number, minMs: number): number {
  const make = (): SCDenseLayer =>
    new SCDenseLayer(
      4,
      [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8],
      [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
      0,
      1,
      0,
      1,
      2048,
      0,
      0.1,
      1,
      { tauMem: 20, vThreshold: 1, noiseStd: 0.02 },
      42,
    );
  make().run(Math.min(steps, 1000)); // warm up
  let total = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    make().run(steps);
    total += steps;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return total / (elapsed / 1000);
}
