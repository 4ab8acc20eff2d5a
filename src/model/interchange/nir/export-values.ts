/** Parameter arrays for an exported NIR graph. */
import { nirArray, type NirArray } from './graph.ts';

/**
 * `values` as a NIR array of `shape`: float32 (what PyTorch tools expect) when every value is a
 * float32 exactly, else float64, so a re-import reads back the very numbers the document had.
 */
export function numbersArray(shape: readonly number[], values: readonly number[]): NirArray {
  const exact = values.every((v) => Math.fround(v) === v);
  return nirArray(shape, values, exact ? 'float32' : 'float64');
}

/** One value per neuron: a scalar repeated `size` times, an array as it is. */
export function perNeuron(value: number | readonly number[], size: number): number[] {
  return typeof value === 'number' ? new Array<number>(size).fill(value) : [...value];
}

/** Whole numbers (shapes, strides) as int64, as NIR's Python writer stores them. */
export function intArray(values: readonly number[]): NirArray {
  return nirArray([values.length], values, 'int64');
}

/**
 * The largest float32 strictly below `fround(x)`: for a float32 V, `V >= fround(x)` (Spikelab's
 * stochastic LIF) is exactly `V > float32Below(x)` (NIR's strict threshold).
 */
export function float32Below(x: number): number {
  const f = Math.fround(x);
  const buffer = new Float32Array([f]);
  const bits = new Int32Array(buffer.buffer);
  if (f === 0) {
    bits[0] = -2147483647; // the smallest negative subnormal (sign bit | 1)
  } else if (f > 0) {
    bits[0] = (bits[0] ?? 0) - 1;
  } else {
    bits[0] = (bits[0] ?? 0) + 1;
  }
  return buffer[0] ?? f;
}
