/**
 * The current of an SC layer for every count k of active AND gates (CONTEXT.md step 1b):
 * `BitstreamCurrentSource`'s `countToCurrent` in float32, and its fixed-point form (step 1b
 * integer), each entry quantised as `fixed_point_lif` quantises its amplitudes.
 */
import { quantise } from '../fixed-point/fixed-lif-step.ts';

const f = Math.fround;

/** What the table depends on (fields of `ScDenseParams`). */
export interface ScCurrentSpec {
  y_min: number;
  y_max: number;
  scaling: 'sum' | 'mean';
}

/**
 * `fround(y_min + fround(fround(y_max - y_min) * s))` with `s = k` ('sum') or `fround(k / m)`
 * ('mean'), for k = 0..m.
 *
 * @example scCurrentTable({ y_min: 0, y_max: 0.1, scaling: 'sum' }, 8)[8] // fround(0.8)
 */
export function scCurrentTable(spec: ScCurrentSpec, channelCount: number): Float32Array {
  const table = new Float32Array(channelCount + 1);
  const span = f(spec.y_max - spec.y_min);
  for (let k = 0; k <= channelCount; k++) {
    const scaled = spec.scaling === 'sum' ? k : f(k / Math.max(channelCount, 1));
    table[k] = f(spec.y_min + f(span * scaled));
  }
  return table;
}

/**
 * The float32 table quantised to units of 2^-F: `q(table[k]) = floor(table[k] * 2^F + 0.5)`
 * (held in a Float32Array, exact while the values fit W <= 24 bits, which validation checks).
 */
export function scFixedCurrentTable(
  spec: ScCurrentSpec,
  channelCount: number,
  fractionBits: number,
): Float32Array {
  return scCurrentTable(spec, channelCount).map((x) => quantise(x, fractionBits));
}
