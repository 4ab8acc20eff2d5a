import { describe, expect, it } from 'vitest';
import { connectAllToAll, connectOneToOne } from '../../../src/engine/compile/connect-dense.ts';
import { connectFixedFanIn } from '../../../src/engine/compile/connect-fan-in.ts';
import { connectFixedProbability } from '../../../src/engine/compile/connect-probability.ts';
import type { SparseRows } from '../../../src/engine/compile/sparse-rows.ts';

/** Row s as a plain array. */
function row(rows: SparseRows, s: number): number[] {
  return Array.from(rows.targets.subarray(rows.rowPtr[s], rows.rowPtr[s + 1]));
}

/** Every row strictly ascending (so also free of duplicates) and inside [0, targetSize). */
function expectWellFormed(rows: SparseRows, sourceSize: number, targetSize: number): void {
  expect(rows.rowPtr.length).toBe(sourceSize + 1);
  expect(rows.rowPtr[sourceSize]).toBe(rows.targets.length);
  for (let s = 0; s < sourceSize; s++) {
    const r = row(rows, s);
    for (let k = 0; k < r.length; k++) {
      expect(r[k]).toBeLessThan(targetSize);
      if (k > 0) expect(r[k]).toBeGreaterThan(r[k - 1] ?? Infinity);
    }
  }
}

function inDegrees(rows: SparseRows, targetSize: number): Uint32Array {
  const d = new Uint32Array(targetSize);
  for (const t of rows.targets) d[t] = (d[t] ?? 0) + 1;
  return d;
}

function hasSelf(rows: SparseRows, sourceSize: number): boolean {
  for (let s = 0; s < sourceSize; s++) if (row(rows, s).includes(s)) return true;
  return false;
}

describe('all_to_all and one_to_one', () => {
  it('connects every pair, leaving out the diagonal only when asked', () => {
    const noSelf = connectAllToAll(4, 4, false, true);
    expectWellFormed(noSelf, 4, 4);
    expect(row(noSelf, 2)).toEqual([0, 1, 3]);
    expect(noSelf.targets.length).toBe(12);
    expect(connectAllToAll(4, 4, true, true).targets.length).toBe(16);
    // Between two populations "self" means nothing: index equality is not identity.
    expect(connectAllToAll(3, 5, false, false).targets.length).toBe(15);
    expect(row(connectAllToAll(5, 3, false, true), 4)).toEqual([0, 1, 2]);
  });

  it('pairs index i with index i up to the smaller size', () => {
    const r = connectOneToOne(5, 3);
    expectWellFormed(r, 5, 3);
    expect([0, 1, 2, 3, 4].map((s) => row(r, s))).toEqual([[0], [1], [2], [], []]);
  });
});

describe('fixed_fan_in', () => {
  const ns = 500;
  const nt = 400;
  const k = 25;

  it('gives every target exactly k distinct sources, never itself when self is excluded', () => {
    const r = connectFixedFanIn(ns, ns, k, false, true, 99);
    expectWellFormed(r, ns, ns);
    expect(Array.from(inDegrees(r, ns)).every((d) => d === k)).toBe(true);
    expect(hasSelf(r, ns)).toBe(false);
  });

  it('spreads sources evenly: out-degrees are binomial(nt, k/ns)', () => {
    const r = connectFixedFanIn(ns, nt, k, true, false, 5);
    const p = k / ns;
    const mean = nt * p;
    const sd = Math.sqrt(nt * p * (1 - p));
    let sum = 0;
    let sq = 0;
    for (let s = 0; s < ns; s++) {
      const d = (r.rowPtr[s + 1] ?? 0) - (r.rowPtr[s] ?? 0);
      sum += d;
      sq += d * d;
      expect(Math.abs(d - mean)).toBeLessThan(6 * sd);
    }
    expect(sum).toBe(nt * k);
    const variance = sq / ns - (sum / ns) ** 2;
    // Sample variance of 500 binomial draws is within ~20% of sd^2 with overwhelming odds.
    expect(variance / (sd * sd)).toBeGreaterThan(0.75);
    expect(variance / (sd * sd)).toBeLessThan(1.3);
  });

  it('takes every candidate when k exceeds them', () => {
    const r = connectFixedFanIn(6, 6, 10, false, true, 3);
    expect(Array.from(inDegrees(r, 6))).toEqual([5, 5, 5, 5, 5, 5]);
    expect(r.targets.length).toBe(30);
    expect(hasSelf(r, 6)).toBe(false);
  });
});

describe('fixed_probability (geometric skipping)', () => {
  const n = 2000;
  const p = 0.01;

  it('has mean out-degree p*N within 4 sigma and binomial variance', () => {
    const r = connectFixedProbability(n, n, p, true, true, 17);
    expectWellFormed(r, n, n);
    const total = r.targets.length;
    const expected = n * n * p;
    expect(Math.abs(total - expected)).toBeLessThan(4 * Math.sqrt(expected * (1 - p)));
    let sq = 0;
    for (let s = 0; s < n; s++) sq += ((r.rowPtr[s + 1] ?? 0) - (r.rowPtr[s] ?? 0)) ** 2;
    const variance = sq / n - (total / n) ** 2;
    const binomial = n * p * (1 - p);
    expect(variance / binomial).toBeGreaterThan(0.85);
    expect(variance / binomial).toBeLessThan(1.15);
  });

  it('spreads targets uniformly over the row (chi-square over 20 bins)', () => {
    const r = connectFixedProbability(n, n, p, true, true, 23);
    const bins = new Float64Array(20);
    for (const t of r.targets)
      bins[Math.floor((t * 20) / n)] = (bins[Math.floor((t * 20) / n)] ?? 0) + 1;
    const e = r.targets.length / 20;
    const chi2 = bins.reduce((acc, b) => acc + (b - e) ** 2 / e, 0);
    // 19 degrees of freedom: P(chi2 > 43.8) = 0.001.
    expect(chi2).toBeLessThan(43.8);
  });

  it('never connects a neuron to itself when self is excluded', () => {
    const r = connectFixedProbability(300, 300, 0.5, false, true, 4);
    expect(hasSelf(r, 300)).toBe(false);
    expect(hasSelf(connectFixedProbability(300, 300, 0.5, true, true, 4), 300)).toBe(true);
  });

  it('treats p = 0 and p = 1 exactly', () => {
    expect(connectFixedProbability(50, 40, 0, true, false, 1).targets.length).toBe(0);
    expect(connectFixedProbability(50, 50, 1, false, true, 1).targets.length).toBe(50 * 49);
  });

  it('reproduces for a key and differs between keys', () => {
    const a = connectFixedProbability(500, 500, 0.05, true, true, 1000);
    const b = connectFixedProbability(500, 500, 0.05, true, true, 1000);
    const c = connectFixedProbability(500, 500, 0.05, true, true, 1001);
    expect(b.targets).toEqual(a.targets);
    expect(b.rowPtr).toEqual(a.rowPtr);
    expect(c.targets).not.toEqual(a.targets);
  });
});
