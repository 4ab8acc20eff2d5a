/** Small independent helpers for the SC tests: naive bit arrays and sample statistics. */
import { mix32 } from '../../../src/engine/random.ts';

/** `length` pseudo-random 0/1 values with density about `p` (a plain hash, not the SC code). */
export function randomBitArray(length: number, seed: number, p = 0.5): Uint8Array {
  const bits = new Uint8Array(length);
  for (let i = 0; i < length; i++) bits[i] = mix32((seed * 7919 + i) >>> 0) / 2 ** 32 < p ? 1 : 0;
  return bits;
}

/** Ones in a 0/1 array, counted one by one. */
export function countOnes(bits: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) n += bits[i] ? 1 : 0;
  return n;
}

/** Sample mean. */
export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n - 1 denominator). */
export function sampleSd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** Least-squares slope of y on x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}
