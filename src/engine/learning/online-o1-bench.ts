/**
 * Throughput of OnlineO1 for a benchmark: synaptic updates per second of `stepMany`
 * (JavaScript) and `stepManyWasm` over one population, each timed until `minMs` has passed,
 * with the two forms' final states compared after the same inputs (a wrong kernel must not be
 * timed as a fast one). Spikes are drawn with the engine's counter-based generator, so every
 * run sees the same stream.
 */
import { draw24, stepKey, streamKey } from '../random.ts';
import { onlineO1StateBits } from './online-o1-config.ts';
import type { OnlineO1Config } from './online-o1-config.ts';
import { createOnlineO1Population, stepMany } from './online-o1-many.ts';
import type { OnlineO1Population } from './online-o1-many.ts';
import { createWasmOnlineO1Population, stepManyWasm } from './wasm/online-o1-wasm.ts';

export interface OnlineO1BenchOptions {
  /** Synapses in the population (default 100 000). */
  synapses?: number;
  /** Probability of a pre and of a post spike per synapse-step (default 0.05). */
  spikeProbability?: number;
  /** Minimum time spent on each form, ms (default 300). */
  minMs?: number;
}

export interface OnlineO1BenchRow {
  form: 'js' | 'wasm';
  /** Synapse-steps per second. */
  updatesPerS: number;
  /** Steps of the whole population timed. */
  steps: number;
}

export interface OnlineO1BenchResult {
  synapses: number;
  rows: OnlineO1BenchRow[];
  /** The rule's stored bits per synapse (the memory proof's figure). */
  stateBitsPerSynapse: number;
  /** What these array forms hold per synapse: four Int32Array fields, 128 bits. */
  arrayBitsPerSynapse: number;
}

/** Any fixed seed: the bench's spikes need only be the same on every run. */
const BENCH_SEED = 6;
/** Eight steps of inputs, reused in turn: enough variety, no drawing inside the timed loop. */
const PATTERNS = 8;

/**
 * Times both forms on the same population size and inputs; throws if they disagree.
 *
 * @example (await benchOnlineO1(onlineO1Config(), { synapses: 1000 })).rows[1].updatesPerS
 */
export async function benchOnlineO1(
  config: OnlineO1Config,
  options: OnlineO1BenchOptions = {},
): Promise<OnlineO1BenchResult> {
  const n = options.synapses ?? 100_000;
  const p = options.spikeProbability ?? 0.05;
  const minMs = options.minMs ?? 300;
  const threshold = Math.round(p * 2 ** 24);
  const spikes = (stream: number): Uint8Array[] =>
    Array.from({ length: PATTERNS }, (_, t) =>
      Uint8Array.from({ length: n }, (_, i) =>
        draw24(stepKey(streamKey(BENCH_SEED, 0, stream), t), i) < threshold ? 1 : 0,
      ),
    );
  const pre = spikes(1);
  const post = spikes(2);
  const rewards = Array.from({ length: PATTERNS }, (_, t) => ((t * 37) % 16) - 7);

  const js = createOnlineO1Population(config, n, 2 ** (config.weight_bits - 1));
  const wasm = await createWasmOnlineO1Population(config, n, 2 ** (config.weight_bits - 1));
  const input = (t: number): [Uint8Array, Uint8Array, number] => {
    const k = t % PATTERNS;
    return [pre[k] ?? new Uint8Array(n), post[k] ?? new Uint8Array(n), rewards[k] ?? 0];
  };
  const runJs = (t: number): void => stepMany(js, ...input(t));
  const runWasm = (t: number): void => stepManyWasm(wasm, ...input(t));
  const jsSteps = time(runJs, minMs);
  const wasmSteps = time(runWasm, minMs);
  // Bring both to the same number of steps on the same inputs, then compare every field.
  for (let t = jsSteps.executed; t < wasmSteps.executed; t++) runJs(t);
  for (let t = wasmSteps.executed; t < jsSteps.executed; t++) runWasm(t);
  const differs = firstDifference(js, wasm);
  if (differs !== undefined) {
    throw new Error(`OnlineO1 bench: wasm and JavaScript states differ (${differs})`);
  }
  return {
    synapses: n,
    rows: [row('js', jsSteps, n), row('wasm', wasmSteps, n)],
    stateBitsPerSynapse: onlineO1StateBits(config),
    arrayBitsPerSynapse: 4 * 32,
  };
}

function row(
  form: OnlineO1BenchRow['form'],
  { executed, ms }: { executed: number; ms: number },
  n: number,
): OnlineO1BenchRow {
  const steps = executed - 1;
  return { form, updatesPerS: (steps * n) / (ms / 1000), steps };
}

/** Runs steps 0, 1, ... until `minMs` has passed; step 0 warms the JIT and is not timed. */
function time(step: (t: number) => void, minMs: number): { executed: number; ms: number } {
  step(0);
  let executed = 1;
  const start = performance.now();
  let ms: number;
  do {
    step(executed++);
    ms = performance.now() - start;
  } while (ms < minMs);
  return { executed, ms };
}

function firstDifference(a: OnlineO1Population, b: OnlineO1Population): string | undefined {
  for (const field of ['weight', 'preTrace', 'postTrace', 'eligibility'] as const) {
    const x = a[field];
    const y = b[field];
    for (let i = 0; i < a.count; i++) {
      if (x[i] !== y[i]) return `${field}[${i}]: ${x[i]} vs ${y[i]}`;
    }
  }
  return undefined;
}
