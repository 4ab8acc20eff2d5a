/**
 * LFSR number generators: maximal periods (by running the cycle, and by checking the tap
 * polynomials algebraically), a second implementation of the register, exact comparator
 * densities over a period, and what sharing an LFSR does to AND multiplication.
 */
import { describe, expect, it } from 'vitest';
import {
  MAXIMAL_TAPS,
  and,
  bitstreamToProbability,
  lfsrBitstream,
  lfsrMask,
  lfsrNext,
  lfsrPeriod,
  lfsrTapMask,
  maximalLfsr,
  popcount,
  scc,
} from '../../../src/engine/sc/index.ts';
import type { LfsrConfig, LfsrKind } from '../../../src/engine/sc/index.ts';

const kinds: LfsrKind[] = ['fibonacci', 'galois'];

describe('maximal period', () => {
  for (const kind of kinds) {
    it(`${kind}: every width 3..20 with the XAPP052 taps cycles through 2^n - 1 states`, () => {
      for (let n = 3; n <= 20; n++) {
        expect(lfsrPeriod(maximalLfsr(n, 1, kind)), `width ${n}`).toBe(2 ** n - 1);
      }
    });
  }

  it('and visits every nonzero state once (width 10)', () => {
    const config = maximalLfsr(10, 0x155);
    const tapMask = lfsrTapMask(config);
    const seen = new Uint8Array(1024);
    let s = config.seed;
    for (let i = 0; i < 1023; i++) {
      seen[s] = (seen[s] ?? 0) + 1;
      s = lfsrNext(s, tapMask, config);
    }
    expect(seen[0]).toBe(0);
    expect(seen.subarray(1).every((x) => x === 1)).toBe(true);
  });

  it('non-maximal taps give a shorter period (the check can fail)', () => {
    expect(lfsrPeriod({ kind: 'fibonacci', width: 4, taps: [4, 2], seed: 1 })).toBeLessThan(15);
    expect(lfsrPeriod({ kind: 'galois', width: 8, taps: [8, 4], seed: 1 })).toBeLessThan(255);
  });

  it('the primitivity check tells primitive from irreducible and reducible polynomials', () => {
    expect(isPrimitive(0b10011n, 4)).toBe(true); // x^4 + x + 1
    expect(isPrimitive(0b11111n, 4)).toBe(false); // irreducible, but x has order 5
    expect(isPrimitive(0b10101n, 4)).toBe(false); // (x^2 + x + 1)^2
  });

  it('every tap set 3..32 is a primitive polynomial 1 + sum x^t over GF(2)', () => {
    for (let n = 3; n <= 32; n++) {
      const taps = MAXIMAL_TAPS[n] ?? [];
      expect(taps).toContain(n);
      let poly = 1n;
      for (const t of taps) poly ^= 1n << BigInt(t);
      expect(isPrimitive(poly, n), `width ${n}`).toBe(true);
    }
  });
});

/** x has multiplicative order 2^n - 1 modulo `poly` (degree n): the polynomial is primitive. */
function isPrimitive(poly: bigint, n: number): boolean {
  const order = 2 ** n - 1;
  const one = 1n;
  if (powX(BigInt(order), poly, n) !== one) return false;
  return primeFactors(order).every((q) => powX(BigInt(order / q), poly, n) !== one);
}

function mulMod(a: bigint, b: bigint, poly: bigint, n: number): bigint {
  const top = 1n << BigInt(n);
  let r = 0n;
  let x = a;
  for (let y = b; y > 0n; y >>= 1n) {
    if (y & 1n) r ^= x;
    x <<= 1n;
    if (x & top) x ^= poly;
  }
  return r;
}

function powX(e: bigint, poly: bigint, n: number): bigint {
  let result = 1n;
  let base = 2n; // the polynomial x
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) result = mulMod(result, base, poly, n);
    base = mulMod(base, base, poly, n);
  }
  return result;
}

function primeFactors(m: number): number[] {
  const out: number[] = [];
  let r = m;
  for (let d = 2; d * d <= r; d++) {
    if (r % d === 0) {
      out.push(d);
      while (r % d === 0) r /= d;
    }
  }
  if (r > 1) out.push(r);
  return out;
}

describe('Fibonacci register against a stage-by-stage shift register', () => {
  it('agrees for 500 steps at widths 5, 12, 19, 32', () => {
    for (const n of [5, 12, 19, 32]) {
      const config = maximalLfsr(n, 0x2b7c5d31 & lfsrMask(n));
      const tapMask = lfsrTapMask(config);
      // stages[k] is stage k+1 (bit k); the new bit enters stage 1.
      const stages = Array.from({ length: n }, (_, k) => (config.seed >>> k) & 1);
      let state = config.seed >>> 0;
      for (let i = 0; i < 500; i++) {
        const feedback = (config.taps as number[]).reduce(
          (acc, t) => acc ^ (stages[t - 1] ?? 0),
          0,
        );
        stages.pop();
        stages.unshift(feedback);
        state = lfsrNext(state, tapMask, config);
        const packed = stages.reduce((acc, bit, k) => acc + bit * 2 ** k, 0);
        expect(state).toBe(packed);
      }
    }
  });
});

describe('comparator', () => {
  it('holds exactly round(p (2^n - 1)) ones over a full period', () => {
    for (const kind of kinds) {
      for (const n of [5, 8, 10, 13]) {
        const period = 2 ** n - 1;
        for (const p of [0, 0.1, 0.3, 0.5, 0.77, 1]) {
          for (const seed of [1, 0x15]) {
            const s = lfsrBitstream(p, period, maximalLfsr(n, seed, kind));
            expect(popcount(s)).toBe(Math.round(p * period));
          }
        }
      }
    }
  });

  it('rejects bad configurations', () => {
    const bad: LfsrConfig[] = [
      { kind: 'fibonacci', width: 2, taps: [2, 1], seed: 1 },
      { kind: 'fibonacci', width: 8, taps: [6, 5], seed: 1 },
      { kind: 'fibonacci', width: 8, taps: [8, 9], seed: 1 },
      { kind: 'galois', width: 8, taps: [8, 6, 5, 4], seed: 0x100 },
    ];
    for (const config of bad) expect(() => lfsrTapMask(config)).toThrow(RangeError);
  });
});

describe('correlation and AND multiplication (n = 16, one full period)', () => {
  const n = 16;
  const period = 2 ** n - 1;
  const pairs: [number, number][] = [
    [0.3, 0.6],
    [0.7, 0.4],
    [0.8, 0.25],
  ];
  const q = (p: number): number => Math.round(p * period) / period;

  it('the same LFSR and seed for both operands gives min(p, q), not p q', () => {
    for (const kind of kinds) {
      const config = maximalLfsr(n, 0xace1, kind);
      for (const [p, r] of pairs) {
        const a = lfsrBitstream(p, period, config);
        const b = lfsrBitstream(r, period, config);
        expect(bitstreamToProbability(and(a, b))).toBeCloseTo(Math.min(q(p), q(r)), 12);
        expect(Math.abs(bitstreamToProbability(and(a, b)) - p * r)).toBeGreaterThan(0.05);
        expect(scc(a, b)).toBeCloseTo(1, 12);
      }
    }
  });

  it('a seed one step along the sequence is still correlated (0.3 x 0.6 gives 0.30)', () => {
    const config = maximalLfsr(n, 0xace1);
    const next = lfsrNext(config.seed, lfsrTapMask(config), config);
    const a = lfsrBitstream(0.3, period, config);
    const b = lfsrBitstream(0.6, period, { ...config, seed: next });
    expect(Math.abs(bitstreamToProbability(and(a, b)) - 0.18)).toBeGreaterThan(0.05);
  });

  it('seeds half a period apart, or Fibonacci against Galois, multiply within 0.005', () => {
    const config = maximalLfsr(n, 0xace1);
    const tapMask = lfsrTapMask(config);
    let far = config.seed;
    for (let i = 0; i < 2 ** (n - 1); i++) far = lfsrNext(far, tapMask, config);
    const partners: LfsrConfig[] = [
      { ...config, seed: far },
      { ...config, kind: 'galois' },
    ];
    for (const partner of partners) {
      for (const [p, r] of pairs) {
        const a = lfsrBitstream(p, period, config);
        const b = lfsrBitstream(r, period, partner);
        expect(Math.abs(bitstreamToProbability(and(a, b)) - q(p) * q(r))).toBeLessThan(0.005);
        expect(Math.abs(scc(a, b))).toBeLessThan(0.05);
      }
    }
  });
});
