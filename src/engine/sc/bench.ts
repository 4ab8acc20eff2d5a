/**
 * Throughput of the SC kernels for `npx spikelab bench`: the fused AND + popcount over bit-packed
 * streams on every backend (js, wasm, each gpu.js mode that runs here), each checked against the
 * JavaScript count of the same streams, and steps per second of the tutorial's section 4 dense
 * layer (the library's `SCDenseLayer`, plain JavaScript).
 */
import { andPopcountWords } from './word-kernels.ts';
import { SCDenseLayer } from './dense-layer.ts';
import { BITSTREAM_BACKENDS, createBitstreamBackend } from './backend-ops.ts';
import type { BitstreamBackend, BitstreamBackendName } from './backend-ops.ts';
import { mix32 } from '../random.ts';
import { BackendUnavailableError } from '../errors.ts';
import { isNode } from '../resolve-backend.ts';

/** One backend's AND + popcount measurement. */
export type ScAndPopcountRow =
  | {
      backend: BitstreamBackendName;
      status: 'ok';
      /** Bits of `a AND b` produced and counted per second, in Gbit/s. */
      gbitPerS: number;
      /** Timed passes (each over the whole stream). */
      passes: number;
      /** The count every pass returned: equal to the JavaScript count (checked). */
      ones: number;
    }
  | {
      backend: BitstreamBackendName;
      /** `unavailable`: the backend cannot run here; `failed`: it ran and was wrong or threw. */
      status: 'unavailable' | 'failed';
      reason: string;
    };

/** What `benchStochasticComputing` measures. */
export interface ScBenchResult {
  /** Words (32 bits each) per stream of the AND + popcount measurement. */
  streamWords: number;
  /** The JavaScript count of the streams' AND, which every backend's count must equal. */
  jsOnes: number;
  /** One row per backend asked for, in order. */
  andPopcount: ScAndPopcountRow[];
  /** Time steps per second of the 4-neuron, 8-input section 4 layer (library, JavaScript). */
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
  /** Backends to time (default: all but webgl2 in Node, which has no WebGL; all in a page). */
  backends?: readonly BitstreamBackendName[];
}

/** The backends timed by default here. */
export function defaultScBenchBackends(): BitstreamBackendName[] {
  return BITSTREAM_BACKENDS.filter((b) => !(isNode() && b === 'gpu:webgl2'));
}

/**
 * Measure every backend's AND + popcount and the dense layer. Each figure is timed over repeated
 * passes until `minMs` has elapsed, so a busy machine lowers the number rather than making it
 * meaningless; a backend that cannot run or counts wrong gets a row saying so, never a throw.
 *
 * @example
 * const { andPopcount, denseLayerStepsPerS } = await benchStochasticComputing();
 */
export async function benchStochasticComputing(
  options: ScBenchOptions = {},
): Promise<ScBenchResult> {
  const words = options.words ?? 1 << 20;
  const minMs = options.minMs ?? 300;
  const denseSteps = options.denseSteps ?? 20000;
  const a = new Uint32Array(words);
  const b = new Uint32Array(words);
  for (let i = 0; i < words; i++) {
    a[i] = mix32(i);
    b[i] = mix32(i ^ 0x9e3779b9);
  }
  const jsOnes = andPopcountWords(a, b, 0, words);
  // Random words: a quarter of the bits survive the AND; a wrong reference must not be timed.
  if (Math.abs(jsOnes / (words * 32) - 0.25) > 0.01) {
    throw new Error('AND+popcount benchmark: the JavaScript count is implausible');
  }
  const rows: ScAndPopcountRow[] = [];
  for (const backend of options.backends ?? defaultScBenchBackends()) {
    rows.push(await benchBackend(backend, a, b, jsOnes, minMs));
  }
  return {
    streamWords: words,
    jsOnes,
    andPopcount: rows,
    denseLayerStepsPerS: benchDenseLayer(denseSteps, minMs),
  };
}

async function benchBackend(
  name: BitstreamBackendName,
  a: Uint32Array,
  b: Uint32Array,
  jsOnes: number,
  minMs: number,
): Promise<ScAndPopcountRow> {
  let backend: BitstreamBackend;
  try {
    backend = await createBitstreamBackend(name);
  } catch (error) {
    const status = error instanceof BackendUnavailableError ? 'unavailable' : 'failed';
    const reason = error instanceof BackendUnavailableError ? error.reason : describe(error);
    return { backend: name, status, reason };
  }
  const length = a.length * 32;
  try {
    const prepared = await backend.prepareAndPopcount({ length, words: a }, { length, words: b });
    try {
      // The first pass compiles (JIT, shaders) and is the correctness check; it is not timed.
      const first = await prepared.run();
      if (first !== jsOnes) {
        return { backend: name, status: 'failed', reason: mismatch(first, jsOnes) };
      }
      let passes = 0;
      const start = performance.now();
      let elapsed: number;
      do {
        const ones = await prepared.run();
        if (ones !== jsOnes) {
          return { backend: name, status: 'failed', reason: mismatch(ones, jsOnes) };
        }
        passes++;
        elapsed = performance.now() - start;
      } while (elapsed < minMs);
      const gbitPerS = (passes * length) / (elapsed / 1000) / 1e9;
      return { backend: name, status: 'ok', gbitPerS, passes, ones: jsOnes };
    } finally {
      prepared.dispose();
    }
  } catch (error) {
    return { backend: name, status: 'failed', reason: describe(error) };
  } finally {
    backend.dispose();
  }
}

function mismatch(ones: number, jsOnes: number): string {
  return `counted ${ones} ones where JavaScript counts ${jsOnes}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The dense layer the bench times: the tutorial's section 4 layer (4 neurons, 8 inputs, L =
 * 2048, y in [0, 0.1], dt 1 ms) with a little noise. Other parameters are the defaults.
 */
export const SC_BENCH_LAYER = {
  neurons: 4,
  inputs: [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8],
  weights: [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
  length: 2048,
  yMax: 0.1,
  dtMs: 1,
  tauMem: 20,
  vThreshold: 1,
  noiseStd: 0.02,
  baseSeed: 42,
} as const;

/** `SC_BENCH_LAYER` as the library's `SCDenseLayer`. */
export function benchLayer(): SCDenseLayer {
  const l = SC_BENCH_LAYER;
  return new SCDenseLayer(
    l.neurons,
    l.inputs,
    l.weights,
    0,
    1,
    0,
    1,
    l.length,
    0,
    l.yMax,
    l.dtMs,
    { tauMem: l.tauMem, vThreshold: l.vThreshold, noiseStd: l.noiseStd },
    l.baseSeed,
  );
}

function benchDenseLayer(steps: number, minMs: number): number {
  benchLayer().run(Math.min(steps, 1000)); // warm up
  let total = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    benchLayer().run(steps);
    total += steps;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return total / (elapsed / 1000);
}
