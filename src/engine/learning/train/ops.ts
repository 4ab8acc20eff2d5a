/**
 * The small tensor-operations interface the trainers are written against (`bptt.ts`,
 * `tbptt.ts`, `eprop.ts`), with two implementations: plain typed arrays (`ops-js.ts`) and
 * gpu.js kernels in any of its modes (`ops-gpu.ts`). Every operation works on a whole layer and
 * the whole batch at once; the trainers only sequence them over steps and layers.
 *
 * Shapes, all flat and row-major: a layer state (`V`, spikes, gradients) is batch x size
 * (`[b * size + j]`); an input is batch x inputs at `xOffset` in a larger array (a sample
 * batch's spikes are steps x batch x inputs, so step t's inputs start at `t * batch * inputs`);
 * weights are inputs x size (`[i * size + j]`), recurrent weights size x size; per-sample
 * eligibilities batch x inputs x size.
 *
 * Per step t the kernels recompute everything the model needs from V_{t-1} (`vPrev`):
 * `u = decay * vPrev + rest`, `s = spike(u - threshold)`, so the trainers keep V and nothing
 * else per step. `spike` is the hard H (`u >= threshold`, the engine's test) or, with `smooth`,
 * the smooth h with h' = the surrogate (`0.5 + x / (1 + slope |x|)`, whose derivative is
 * exactly `1 / (1 + slope |x|)^2`). The reset is `V = s * vReset + (1 - s) * q`, the
 * contract's `s ? vReset : q` for a hard s and differentiable for a smooth one.
 */
import type { TrainDevice } from './types.ts';

/** A value now (typed arrays) or later (gpu.js kernels). */
export type Maybe<T> = T | Promise<T>;

/**
 * The trainers are generators that yield each operation's result and get it back resolved
 * (`yield* use(ops.op(...))`), so the same code runs synchronously over the typed-array
 * operations (`runSync`: `snnObjective`'s synchronous `lossAndGradient`) and awaiting over
 * gpu.js kernels (`runAsync`).
 */
export type Steps<T> = Generator<unknown, T, unknown>;

/** The resolved value of one operation inside a trainer's generator. */
export function* use<T>(value: Maybe<T>): Steps<T> {
  return (yield value) as T;
}

/** Runs a trainer generator whose operations all answer at once; throws on a pending one. */
export function runSync<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) {
    if (r.value instanceof Promise) {
      throw new Error('a synchronous run met an asynchronous operation: use the js device');
    }
    r = steps.next(r.value);
  }
  return r.value;
}

/** Runs a trainer generator, awaiting each operation. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) r = steps.next(await r.value);
  return r.value;
}

/** Host arrays the trainers exchange with the operations. */
export type Floats = Float32Array | Float64Array;

/** The neuron constants every kernel of a run shares. */
export interface NeuronConstants {
  /** 1 - leak: `u = decay * V + rest`. */
  decay: number;
  /** vRest * leak. */
  rest: number;
  threshold: number;
  reset: number;
  /** Surrogate slope. */
  slope: number;
  /** The smooth forward (finite-difference checks) instead of the hard one (training). */
  smooth: boolean;
}

export interface LayerShape {
  batch: number;
  inputs: number;
  size: number;
}

/** Floats held by the live buffers of an operations instance, now and at most (tests of O(k)). */
export interface BufferStats {
  live: number;
  peak: number;
}

/**
 * The operations; `B` is a buffer (a host array or a device value). Every operation returns a
 * new buffer and leaves its arguments alone; `release` frees a buffer nothing will read again.
 */
export interface TrainOps<B> {
  readonly device: TrainDevice;
  readonly neuron: NeuronConstants;
  upload(values: Floats): Maybe<B>;
  filled(length: number, value: number): Maybe<B>;
  read(buffer: B): Maybe<Floats>;
  release(buffer: B | null | undefined): void;
  stats(): BufferStats;
  /** V_t from V_{t-1}, the step's inputs and the weights (recurrent optional). */
  forwardStep(s: LayerShape, vPrev: B, x: B, xOffset: number, w: B, r: B | null): Maybe<B>;
  /** s_t (batch x size) from V_{t-1}. */
  spikes(batch: number, size: number, vPrev: B): Maybe<B>;
  /** counts + s_t. */
  countStep(batch: number, size: number, counts: B, vPrev: B): Maybe<B>;
  /**
   * dL/dV_{t-1} from dL/dV_t (`gV`) and the loss' direct dL/ds_t (`gS` at `gSOffset`),
   * through the reset, the recurrence and the surrogate.
   */
  backwardStep(
    s: LayerShape,
    vPrev: B,
    x: B,
    xOffset: number,
    gV: B,
    gS: B,
    gSOffset: number,
    w: B,
    r: B | null,
  ): Maybe<B>;
  /** dW + sum_b x_t[b,i] * gq_t[b,j], with gq = gV_t * (1 - s_t): one thread per weight. */
  weightGradStep(s: LayerShape, dW: B, x: B, xOffset: number, vPrev: B, gV: B): Maybe<B>;
  /** dR + sum_b s_t[b,k] * gq_t[b,j], 0 on the diagonal. */
  recurrentGradStep(batch: number, size: number, dR: B, vPrev: B, gV: B): Maybe<B>;
  /** dL/dx_t[b,i] = sum_j W[i,j] * gq_t[b,j] (the layer below's dL/ds_t). */
  inputGradStep(s: LayerShape, w: B, vPrev: B, gV: B): Maybe<B>;
  /** decay * trace + x_t (batch x inputs): e-prop's low-pass filtered presynaptic spikes. */
  traceStep(batch: number, inputs: number, trace: B, x: B, xOffset: number): Maybe<B>;
  /** E + psi_t[b,j] * decay * trace[b,i], psi the surrogate at u_t: batch x inputs x size. */
  eligibilityStep(s: LayerShape, e: B, trace: B, vPrev: B): Maybe<B>;
  /** sum_b signal[b,j] * E[b,i,j] (inputs x size). */
  eligibilityGrad(s: LayerShape, e: B, signal: B): Maybe<B>;
  dispose(): void;
}
