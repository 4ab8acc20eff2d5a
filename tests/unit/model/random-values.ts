/**
 * A seeded generator of garbage for fuzz tests: random JSON-ish values and random mutations of
 * a valid document, so failures reproduce from the printed seed.
 */

import { seededRandom } from '../../../src/model/seeded-random.ts';

/** mulberry32: small, seedable, good enough to pick test cases. */
export const rng: (seed: number) => () => number = seededRandom;

const ATOMS: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -1,
  -5,
  1.5,
  1e9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  'lif',
  'exc',
  'stochastic_lif',
  'constant',
  'spikelab-network',
  '__proto__',
  10n,
  Symbol('s'),
  () => 1,
];

const KEYS = [
  'id',
  'model',
  'kind',
  'rule',
  'params',
  'size',
  'x',
  'value',
  'constructor',
  '__proto__',
  'tau',
];

/** A random value up to `depth` levels deep: atoms, arrays, objects with plausible keys. */
export function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth <= 0 || r < 0.5) return ATOMS[Math.floor(next() * ATOMS.length)];
  if (r < 0.7)
    return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth - 1));
  const out: Record<string, unknown> = {};
  const n = Math.floor(next() * 4);
  for (let i = 0; i < n; i++) {
    Object.defineProperty(out, KEYS[Math.floor(next() * KEYS.length)] ?? 'k', {
      value: randomValue(next, depth - 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return out;
}

/** Replaces one randomly chosen node of `root` (a JSON tree) with a random value, in place. */
export function mutate(root: unknown, next: () => number): void {
  let node = root;
  for (let depth = 0; depth < 8; depth++) {
    if (typeof node !== 'object' || node === null) return;
    const container = node as Record<string, unknown>;
    const keys = Object.keys(container);
    if (keys.length === 0) return;
    const key = keys[Math.floor(next() * keys.length)] ?? '';
    if (next() < 0.3) {
      if (next() < 0.2) delete container[key];
      else container[key] = randomValue(next, 2);
      return;
    }
    node = container[key];
  }
}
