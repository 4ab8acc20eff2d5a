/** Federated aggregation against hand-computed sums and votes; the masks' cancellation. */
import { describe, expect, it } from 'vitest';
import {
  aggregateShares,
  majorityVote,
  maskedShare,
  secureSum,
  seededPairSecrets,
} from '../../../src/engine/learning/federated.ts';

describe('majorityVote', () => {
  it('sets a bit when more than half of the clients have it (a tie gives 0)', () => {
    const a = Uint8Array.of(1, 1, 0, 0, 1);
    const b = Uint8Array.of(1, 0, 1, 0, 1);
    const c = Uint8Array.of(0, 1, 1, 0, 0);
    // Sums 2, 2, 2, 0, 2 over 3 clients: > 1.5 is 1.
    expect([...majorityVote([a, b, c])]).toEqual([1, 1, 1, 0, 1]);
    // Two clients: sums 2, 1, 1, 0, 2 against > 1, so a 1-1 tie is 0.
    expect([...majorityVote([a, b])]).toEqual([1, 0, 0, 0, 1]);
    expect([...majorityVote([c])]).toEqual([0, 1, 1, 0, 0]);
  });

  it('refuses no clients, mismatched lengths and non-bits', () => {
    expect(() => majorityVote([])).toThrow('majorityVote: no client vectors to aggregate');
    expect(() => majorityVote([Uint8Array.of(1), Uint8Array.of(1, 0)])).toThrow(
      'majorityVote: client 1 has 2 values, client 0 has 1; all must match',
    );
    expect(() => majorityVote([Uint8Array.of(0, 2)])).toThrow(
      'majorityVote: client 0 bit 1 is 2; a bitstream holds only 0 and 1',
    );
  });
});

describe('secure sum by pairwise masks', () => {
  const secrets = seededPairSecrets(2026);

  it('gives the exact element-wise sum (worked by hand)', () => {
    const clients = [
      Int32Array.of(5, -2, 0, 7),
      Int32Array.of(1, 1, 1, 1),
      Int32Array.of(-6, 4, 9, 0),
    ];
    expect([...secureSum(clients, secrets)]).toEqual([0, 3, 10, 8]);
    const bits = [Uint8Array.of(1, 0, 1), Uint8Array.of(1, 1, 0), Uint8Array.of(1, 0, 0)];
    expect([...secureSum(bits, secrets, 3)]).toEqual([3, 1, 1]);
  });

  it('no masked share equals its vector, and a share of zeros looks uniform', () => {
    const n = 4096;
    const zeros = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    const shares = zeros.map((v, c) => maskedShare(c, 3, v, secrets, 0));
    for (const share of shares) {
      // Each element is masked: a zero survives with probability about 2 * 2^-32 per element.
      expect(share.filter((x) => x === 0).length).toBe(0);
      // Half the bits set on average: 4096 * 32 bits, mean 65 536, sd 181.
      let ones = 0;
      for (const x of share) for (let b = 0; b < 32; b++) ones += (x >>> b) & 1;
      expect(Math.abs(ones - (n * 32) / 2)).toBeLessThan(6 * 181);
    }
    // ...and the masks cancel in the server's sum.
    expect(aggregateShares(shares).every((x) => x === 0)).toBe(true);
  });

  it('a different round gives different shares and the same sum', () => {
    const v = [Int32Array.of(10, 20), Int32Array.of(30, 40)];
    const r0 = v.map((x, c) => maskedShare(c, 2, x, secrets, 0));
    const r1 = v.map((x, c) => maskedShare(c, 2, x, secrets, 1));
    expect([...(r0[0] ?? [])]).not.toEqual([...(r1[0] ?? [])]);
    expect([...aggregateShares(r0)]).toEqual([40, 60]);
    expect([...aggregateShares(r1)]).toEqual([40, 60]);
    // Two clients: each share is its vector plus or minus the one pair mask.
    const m = ((r0[0]?.[0] ?? 0) - 10) >>> 0;
    expect(r0[1]?.[0]).toBe((30 - m) >>> 0);
  });

  it('refuses no clients, one client, a bad index and mismatched lengths', () => {
    expect(() => secureSum([], secrets)).toThrow('secureSum: no client vectors to aggregate');
    expect(() => secureSum([Int32Array.of(1)], secrets)).toThrow(/needs at least 2 clients, got 1/);
    expect(() => maskedShare(3, 3, Int32Array.of(1), secrets, 0)).toThrow(
      'secure sum: client 3 is not one of 0..2',
    );
    expect(() => secureSum([Int32Array.of(1), Int32Array.of(1, 2)], secrets)).toThrow(
      'secureSum: client 1 has 2 values, client 0 has 1; all must match',
    );
  });
});
