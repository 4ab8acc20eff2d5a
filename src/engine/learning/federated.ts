/**
 * Federated aggregation of client updates (sc-neurocore's `FederatedAggregator`): a majority
 * vote over SC gradient bitstreams, and a secure sum.
 *
 * The seed's "secure sum" is a plain element-wise sum: the server sees every client's vector.
 * Here it is secure aggregation by pairwise additive masks (the masking step of Bonawitz et al.
 * 2017, without their dropout recovery): every pair of clients (i < j) shares a secret from
 * which both expand the same mask vector m_ij; client i adds it, client j subtracts it, all mod
 * 2^32. Alone, a masked share is the client's vector plus masks the server does not know (for
 * one uniform mask, uniformly distributed whatever the vector); in the sum over all clients
 * every mask appears once with each sign and cancels, so the server's total is exact.
 */
import { draw32, stepKey, streamKey } from '../random.ts';

/** Integer vectors a client may contribute (bitstreams, counts, fixed-point gradients). */
export type ClientVector = Uint8Array | Int32Array | Uint32Array;

/**
 * The seed's majority vote: bit k of the result is 1 when more than half of the clients have a
 * 1 there (`sum > n / 2`; a tie gives 0).
 *
 * @example majorityVote([Uint8Array.of(1, 0), Uint8Array.of(1, 1), Uint8Array.of(0, 0)]) // [1, 0]
 */
export function majorityVote(bitstreams: readonly Uint8Array[]): Uint8Array {
  const length = sameLength(bitstreams, 'majorityVote');
  const sums = new Uint32Array(length);
  bitstreams.forEach((stream, c) => {
    for (let k = 0; k < length; k++) {
      const bit = stream[k] ?? 0;
      if (bit > 1) {
        throw new RangeError(
          `majorityVote: client ${c} bit ${k} is ${bit}; a bitstream holds only 0 and 1`,
        );
      }
      sums[k] = (sums[k] ?? 0) + bit;
    }
  });
  const half = bitstreams.length / 2;
  return Uint8Array.from(sums, (s) => (s > half ? 1 : 0));
}

/** The secret clients `i < j` share; in a deployment, from a key agreement between the two. */
export type PairSecret = (i: number, j: number) => number;

/**
 * Pairwise secrets derived from one session seed: a stand-in for a key agreement, for tests and
 * single-machine simulations (whoever knows the seed can unmask, so a real deployment passes
 * its own `PairSecret`).
 */
export function seededPairSecrets(seed: number): PairSecret {
  return (i, j) => streamKey(seed, i, j);
}

/** The random stream of the masks, apart from the engine's others (see `random.ts`). */
const MASK_STREAM = 31;

/** Mask element k of pair (i, j) in a given round: 32 bits from the pair's secret. */
function mask(secret: number, round: number, k: number): number {
  return draw32(stepKey(streamKey(secret, 0, MASK_STREAM), round), k);
}

/**
 * What client `client` of `clients` sends: its vector plus the masks of its pairs (added for a
 * partner with a higher index, subtracted for a lower one), mod 2^32. `round` keeps each
 * aggregation's masks fresh: never reuse a round with the same secrets.
 *
 * @example maskedShare(0, 3, Int32Array.of(5, -2), seededPairSecrets(7), 0)
 */
export function maskedShare(
  client: number,
  clients: number,
  values: ClientVector,
  secret: PairSecret,
  round: number,
): Uint32Array {
  if (!Number.isInteger(clients) || clients < 2) {
    throw new RangeError(
      `secure sum: needs at least 2 clients, got ${clients} (one client's sum is its vector)`,
    );
  }
  if (!Number.isInteger(client) || client < 0 || client >= clients) {
    throw new RangeError(`secure sum: client ${client} is not one of 0..${clients - 1}`);
  }
  const share = new Uint32Array(values.length);
  for (let k = 0; k < values.length; k++) share[k] = (values[k] ?? 0) >>> 0;
  for (let other = 0; other < clients; other++) {
    if (other === client) continue;
    const lo = Math.min(client, other);
    const hi = Math.max(client, other);
    const s = secret(lo, hi);
    const sign = client === lo ? 1 : -1;
    for (let k = 0; k < share.length; k++) {
      share[k] = ((share[k] ?? 0) + sign * mask(s, round, k)) >>> 0;
    }
  }
  return share;
}

/**
 * The server's side: the element-wise sum of the masked shares mod 2^32, read as int32. The
 * masks cancel, so this is the clients' exact sum whenever that sum fits an int32.
 */
export function aggregateShares(shares: readonly Uint32Array[]): Int32Array {
  const length = sameLength(shares, 'aggregateShares');
  const sum = new Int32Array(length);
  for (const share of shares) {
    for (let k = 0; k < length; k++) sum[k] = ((sum[k] ?? 0) + (share[k] ?? 0)) | 0;
  }
  return sum;
}

/**
 * Secure aggregation of integer vectors in one call: each client's masked share, then their
 * sum. Equal to the plain element-wise sum (the seed's `secure_sum_protocol`) whenever that sum
 * fits an int32; no share equals its client's vector.
 *
 * @example secureSum([Uint8Array.of(1, 0), Uint8Array.of(1, 1)], seededPairSecrets(1)) // [2, 1]
 */
export function secureSum(
  vectors: readonly ClientVector[],
  secret: PairSecret,
  round = 0,
): Int32Array {
  sameLength(vectors, 'secureSum');
  const shares = vectors.map((v, c) => maskedShare(c, vectors.length, v, secret, round));
  return aggregateShares(shares);
}

/** The common length of the clients' vectors; throws on none or on a mismatch. */
function sameLength(vectors: readonly ArrayLike<number>[], what: string): number {
  const first = vectors[0];
  if (first === undefined) throw new RangeError(`${what}: no client vectors to aggregate`);
  vectors.forEach((v, c) => {
    if (v.length !== first.length) {
      throw new RangeError(
        `${what}: client ${c} has ${v.length} values, client 0 has ${first.length}; all must match`,
      );
    }
  });
  return first.length;
}
