/**
 * Per-synapse weights and delays, indexed by CSR position. A value every synapse shares is kept
 * as `{ constant }` so it costs no memory per synapse (CUBA: 4 bytes per synapse, targets only).
 */
import type { DelaySpec, Distribution } from '../../model/document.ts';
import { draw24, gaussianFromBits, stepKey, uniformFromBits } from '../random.ts';

/** Largest per-synapse delay a `Uint8Array` holds. */
export const MAX_SYNAPSE_DELAY = 255;

/** Whether every synapse of this weight spec gets the same value (stored as `{ constant }`). */
export function weightIsShared(spec: Distribution): boolean {
  switch (spec.kind) {
    case 'constant':
      return true;
    case 'uniform':
      return spec.low === spec.high;
    case 'normal':
      return spec.std === 0;
    case 'explicit':
      return false;
  }
}

/** Whether every synapse of this delay spec gets the same delay (stored as `{ constant }`). */
export function delayIsShared(spec: DelaySpec): boolean {
  if (spec.kind === 'explicit') return false;
  return spec.kind === 'constant' || spec.low === spec.high;
}

/**
 * Weights of `count` synapses. Uniform: `fround(low + fround(fround(high-low) * u))`, normal:
 * `fround(mean + fround(std * z))` with `u`/`z` from draw `e` of `stepKey(key, 0)`.
 *
 * @param key `streamKey(seed, projectionIndex, PROJECTION_STREAM.weight)`
 * @example drawWeights({ kind: 'constant', value: 1.62 }, 320000, key, table) // { constant: 1.62 }
 */
export function drawWeights(
  spec: Distribution,
  count: number,
  key: number,
  gaussTable: Float32Array,
): Float32Array | { constant: number } {
  const f = Math.fround;
  switch (spec.kind) {
    case 'explicit':
      // Validation requires one value per synapse; a mismatch here is a compile bug.
      if (spec.values.length !== count) {
        throw new RangeError(
          `explicit weights: ${spec.values.length} values for ${count} synapses`,
        );
      }
      return Float32Array.from(spec.values, f);
    case 'constant':
      return { constant: f(spec.value) };
    case 'uniform': {
      // A degenerate range gives the same value for every synapse: keep it out of memory.
      if (weightIsShared(spec)) return { constant: f(spec.low) };
      const span = f(spec.high - spec.low);
      const k = stepKey(key, 0);
      const w = new Float32Array(count);
      for (let e = 0; e < count; e++) {
        w[e] = f(spec.low + f(span * uniformFromBits(draw24(k, e))));
      }
      return w;
    }
    case 'normal': {
      if (weightIsShared(spec)) return { constant: f(spec.mean) };
      const std = f(spec.std);
      const k = stepKey(key, 0);
      const w = new Float32Array(count);
      for (let e = 0; e < count; e++) {
        w[e] = f(spec.mean + f(std * gaussianFromBits(draw24(k, e), gaussTable)));
      }
      return w;
    }
  }
}

/**
 * Delays of `count` synapses in steps. `uniform_int` draws `low + floor(u * (high - low + 1))`.
 *
 * @param key `streamKey(seed, projectionIndex, PROJECTION_STREAM.delay)`
 * @example drawDelays({ kind: 'uniform_int', low: 1, high: 4 }, 10, key) // Uint8Array of 1..4
 */
export function drawDelays(
  spec: DelaySpec,
  count: number,
  key: number,
): Uint8Array | { constant: number } {
  switch (spec.kind) {
    case 'constant':
      return { constant: spec.steps };
    case 'explicit':
      // Validation requires one delay per synapse in 0..MAX_DELAY_STEPS; a mismatch is a bug.
      if (spec.steps.length !== count) {
        throw new RangeError(`explicit delays: ${spec.steps.length} values for ${count} synapses`);
      }
      return Uint8Array.from(spec.steps);
    case 'uniform_int': {
      if (delayIsShared(spec)) return { constant: spec.low };
      if (spec.high > MAX_SYNAPSE_DELAY || spec.low < 0) {
        throw new RangeError(
          `per-synapse delays must lie in 0..${MAX_SYNAPSE_DELAY} steps, got ${spec.low}..${spec.high}`,
        );
      }
      const span = spec.high - spec.low + 1;
      const k = stepKey(key, 0);
      const d = new Uint8Array(count);
      for (let e = 0; e < count; e++) {
        d[e] = spec.low + Math.floor(uniformFromBits(draw24(k, e)) * span);
      }
      return d;
    }
  }
}

/** Largest delay of any synapse (0 for a projection without synapses). */
export function maxDelayOf(delays: Uint8Array | { constant: number }): number {
  if (!(delays instanceof Uint8Array)) return delays.constant;
  let max = 0;
  for (let e = 0; e < delays.length; e++) max = Math.max(max, delays[e] ?? 0);
  return max;
}
