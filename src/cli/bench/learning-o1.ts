/**
 * The bench's OnlineO1 rows: synaptic updates per second of every form of the step (JavaScript
 * `stepMany`, wasm, the packed state, gpu.js in each mode asked for) on one population and one
 * stream of inputs, each form's final state compared with JavaScript's after the same steps (a
 * wrong form is reported as failed, never timed as a fast one), and the bytes of state per
 * synapse measured from the form's own arrays.
 */
import { BackendUnavailableError } from '../../engine/errors.ts';
import { GpuOnlineO1Population } from '../../engine/learning/gpu/online-o1-gpu.ts';
import type { OnlineO1GpuMode } from '../../engine/learning/gpu/online-o1-gpu.ts';
import {
  createPackedOnlineO1Population,
  packedStateBytes,
  stepManyPacked,
  unpackOnlineO1,
} from '../../engine/learning/online-o1-packed.ts';
import {
  createOnlineO1Population,
  onlineO1StateBits,
  stepMany,
} from '../../engine/learning/online-o1.ts';
import type { OnlineO1Config, OnlineO1Population } from '../../engine/learning/online-o1.ts';
import {
  createWasmOnlineO1Population,
  stepManyWasm,
} from '../../engine/learning/wasm/online-o1-wasm.ts';
import { draw24, stepKey, streamKey } from '../../engine/random.ts';
import type { OnlineO1BenchReport, OnlineO1FormRow } from './learning-report.ts';

export interface OnlineO1SectionOptions {
  config: OnlineO1Config;
  synapses: number;
  /** Probability of a pre and of a post spike per synapse-step. */
  spikeProbability: number;
  /** Minimum time spent stepping each form, ms (at least two timed steps are taken). */
  minMs: number;
  gpuModes: readonly OnlineO1GpuMode[];
}

/** A form under test: one step of input `t`, its state as four Int32Arrays, its state bytes. */
interface Form {
  step(t: number): void | Promise<void>;
  state(): OnlineO1Population;
  bytes: number;
  dispose?(): void;
}

/** Eight steps of inputs, reused in turn: no drawing inside the timed loop. */
const PATTERNS = 8;
const SEED = 6;

/** Times every form; one form's failure or absence is its row's status, never a throw. */
export async function benchOnlineO1Forms(o: OnlineO1SectionOptions): Promise<OnlineO1BenchReport> {
  const n = o.synapses;
  const threshold = Math.round(o.spikeProbability * 2 ** 24);
  const spikes = (stream: number): Uint8Array[] =>
    Array.from({ length: PATTERNS }, (_, t) =>
      Uint8Array.from({ length: n }, (_, i) =>
        draw24(stepKey(streamKey(SEED, 0, stream), t), i) < threshold ? 1 : 0,
      ),
    );
  const pre = spikes(1);
  const post = spikes(2);
  const rewards = Array.from({ length: PATTERNS }, (_, t) => ((t * 37) % 16) - 7);
  const input = (t: number): [Uint8Array, Uint8Array, number] => [
    pre[t % PATTERNS] ?? new Uint8Array(n),
    post[t % PATTERNS] ?? new Uint8Array(n),
    rewards[t % PATTERNS] ?? 0,
  ];
  const w0 = 2 ** (o.config.weight_bits - 1);

  const makers: [string, () => Promise<Form>][] = [
    [
      'js',
      () => {
        const s = createOnlineO1Population(o.config, n, w0);
        return Promise.resolve({
          step: (t) => stepMany(s, ...input(t)),
          state: () => s,
          bytes: fieldBytes(s),
        });
      },
    ],
    [
      'wasm',
      async () => {
        const s = await createWasmOnlineO1Population(o.config, n, w0);
        return { step: (t) => stepManyWasm(s, ...input(t)), state: () => s, bytes: fieldBytes(s) };
      },
    ],
    [
      'packed',
      () => {
        const s = createPackedOnlineO1Population(o.config, n, w0);
        return Promise.resolve({
          step: (t) => stepManyPacked(s, ...input(t)),
          state: () => unpackOnlineO1(s),
          bytes: packedStateBytes(s),
        });
      },
    ],
    ...o.gpuModes.map((mode): [string, () => Promise<Form>] => [
      `gpu:${mode}`,
      async () => {
        const g = await GpuOnlineO1Population.create(mode, o.config, n, w0);
        return {
          step: (t) => g.step(...input(t)),
          state: () => g.toPopulation(),
          bytes: g.stateBytes(),
          dispose: () => g.dispose(),
        };
      },
    ]),
  ];

  const rows: OnlineO1FormRow[] = [];
  for (const [label, make] of makers) {
    let form: Form | undefined;
    try {
      form = await make();
      const timed = await time(form, o.minMs);
      // JavaScript's step replayed for as many steps, then every field compared.
      const reference = createOnlineO1Population(o.config, n, w0);
      for (let t = 0; t < timed.executed; t++) stepMany(reference, ...input(t));
      const differs = firstDifference(form.state(), reference);
      if (differs !== undefined) {
        rows.push({ label, status: 'failed', reason: `state differs from stepMany's: ${differs}` });
        continue;
      }
      rows.push({
        label,
        status: 'ok',
        updates_per_s: ((timed.executed - 1) * n) / (timed.ms / 1000),
        steps: timed.executed - 1,
        bytes_per_synapse: form.bytes / n,
      });
    } catch (error) {
      rows.push(
        error instanceof BackendUnavailableError
          ? { label, status: 'unavailable', reason: error.reason }
          : {
              label,
              status: 'failed',
              reason: error instanceof Error ? error.message : String(error),
            },
      );
    } finally {
      form?.dispose?.();
    }
  }
  return {
    synapses: n,
    spike_probability: o.spikeProbability,
    config: { ...o.config },
    state_bits_per_synapse: onlineO1StateBits(o.config),
    rows,
  };
}

function fieldBytes(s: OnlineO1Population): number {
  return (
    s.weight.byteLength + s.preTrace.byteLength + s.postTrace.byteLength + s.eligibility.byteLength
  );
}

/** Steps 0, 1, ... until `minMs` has passed and at least two steps are timed; step 0 warms up. */
async function time(form: Form, minMs: number): Promise<{ executed: number; ms: number }> {
  await form.step(0);
  let executed = 1;
  const start = performance.now();
  let ms: number;
  do {
    await form.step(executed++);
    ms = performance.now() - start;
  } while (ms < minMs || executed < 3);
  return { executed, ms };
}

/** The first field where `a` differs from the reference, or undefined. */
function firstDifference(a: OnlineO1Population, reference: OnlineO1Population): string | undefined {
  for (const field of ['weight', 'preTrace', 'postTrace', 'eligibility'] as const) {
    const x = a[field];
    const y = reference[field];
    for (let i = 0; i < a.count; i++) {
      if (x[i] !== y[i]) return `${field}[${i}]: ${x[i]} instead of ${y[i]}`;
    }
  }
  return undefined;
}
