/**
 * OnlineO1 state at its stated size: `onlineO1StateBits(config)` bits per synapse (weight,
 * pre trace, post trace, eligibility, in that order, the eligibility in two's complement),
 * packed back to back in one Uint32Array, a field free to straddle two words. With the default
 * config that is 52 bits a synapse instead of the 128 of four Int32Arrays.
 *
 * The step unpacks a block of synapses into small Int32Array scratch fields, runs `stepMany`
 * on them and packs them back: one definition of the step, so the packed form cannot drift
 * from the others, at the price of the copy. The scratch is fixed (`PACKED_BLOCK` synapses),
 * whatever the population's size.
 */
import { onlineO1StateBits } from './online-o1-config.ts';
import type { OnlineO1Bounds, OnlineO1Config } from './online-o1-config.ts';
import { createOnlineO1Population, stepMany } from './online-o1-many.ts';
import type { OnlineO1Population } from './online-o1-many.ts';

/** Synapses unpacked at a time by the step. */
export const PACKED_BLOCK = 1024;

/** Bits one packed array may hold: bit offsets then fit the int32 operations of the accessors. */
export const MAX_PACKED_BITS = 2 ** 31;

export interface PackedOnlineO1Population {
  readonly config: OnlineO1Config;
  readonly bounds: OnlineO1Bounds;
  readonly count: number;
  /** `weight_bits + 3 * trace_bits`. */
  readonly bitsPerSynapse: number;
  /** ceil(count * bitsPerSynapse / 32) words: the whole state. */
  readonly words: Uint32Array;
  /** The step's working fields (PACKED_BLOCK synapses), not state. */
  readonly scratch: OnlineO1Population;
}

/** Bit offsets of the four fields inside a synapse's record, and their widths. */
function layout(config: OnlineO1Config) {
  const w = config.weight_bits;
  const t = config.trace_bits;
  return { w, t, wMask: 2 ** w - 1, tMask: 2 ** t - 1, pre: w, post: w + t, elig: w + 2 * t };
}

/**
 * Packs an unpacked population (any of the array forms) into `onlineO1StateBits` bits a synapse.
 *
 * @example packOnlineO1(createOnlineO1Population(onlineO1Config(), 1000, 512)).words.byteLength // 6500
 */
export function packOnlineO1(state: OnlineO1Population): PackedOnlineO1Population {
  const bits = onlineO1StateBits(state.config);
  if (state.count * bits > MAX_PACKED_BITS) {
    throw new RangeError(
      `OnlineO1 (packed): ${state.count} synapses of ${bits} bits exceed 2^31 bits (256 MiB) in one array`,
    );
  }
  const packed: PackedOnlineO1Population = {
    config: state.config,
    bounds: state.bounds,
    count: state.count,
    bitsPerSynapse: bits,
    words: new Uint32Array(Math.ceil((state.count * bits) / 32)),
    scratch: createOnlineO1Population(state.config, Math.min(PACKED_BLOCK, state.count), 0),
  };
  writeBlock(packed, state, 0, state.count);
  return packed;
}

/**
 * `count` fresh synapses in packed form (as `createOnlineO1Population`: weights saturated, the
 * rest 0).
 */
export function createPackedOnlineO1Population(
  config: OnlineO1Config,
  count: number,
  initialWeight: number | ArrayLike<number>,
): PackedOnlineO1Population {
  return packOnlineO1(createOnlineO1Population(config, count, initialWeight));
}

/** The packed state as four Int32Arrays (a new `OnlineO1Population`). */
export function unpackOnlineO1(packed: PackedOnlineO1Population): OnlineO1Population {
  const out = createOnlineO1Population(packed.config, packed.count, 0);
  readBlock(packed, out, 0, packed.count);
  return out;
}

/**
 * Advances every synapse by one step in place, bit for bit `stepMany` on the unpacked state
 * (same arguments: spikes per synapse, one reward or one per synapse).
 *
 * @example stepManyPacked(p, pre, post, 3)
 */
export function stepManyPacked(
  packed: PackedOnlineO1Population,
  pre: Uint8Array,
  post: Uint8Array,
  reward: number | Int32Array,
): void {
  const n = packed.count;
  if (pre.length < n || post.length < n || (typeof reward !== 'number' && reward.length < n)) {
    throw new RangeError(
      `OnlineO1 (packed): ${n} synapses need ${n} pre and post spikes${typeof reward === 'number' ? '' : ' and rewards'}, got ${pre.length} pre, ${post.length} post` +
        (typeof reward === 'number' ? '' : `, ${reward.length} rewards`),
    );
  }
  const s = packed.scratch;
  for (let start = 0; start < n; start += PACKED_BLOCK) {
    const m = Math.min(PACKED_BLOCK, n - start);
    const block: OnlineO1Population =
      m === s.count
        ? s
        : {
            ...s,
            count: m,
            weight: s.weight.subarray(0, m),
            preTrace: s.preTrace.subarray(0, m),
            postTrace: s.postTrace.subarray(0, m),
            eligibility: s.eligibility.subarray(0, m),
          };
    readBlock(packed, block, start, m);
    stepMany(
      block,
      pre.subarray(start, start + m),
      post.subarray(start, start + m),
      typeof reward === 'number' ? reward : reward.subarray(start, start + m),
    );
    writeBlock(packed, block, start, m);
  }
}

/** Bytes the packed state occupies (the scratch excluded: it does not grow with the count). */
export function packedStateBytes(packed: PackedOnlineO1Population): number {
  return packed.words.byteLength;
}

/** Unpacks synapses start..start+m-1 into fields 0..m-1 of `into`. */
function readBlock(
  p: PackedOnlineO1Population,
  into: OnlineO1Population,
  start: number,
  m: number,
): void {
  const { w, t, wMask, tMask, pre, post, elig } = layout(p.config);
  const shift = 32 - t;
  const words = p.words;
  for (let k = 0; k < m; k++) {
    const base = (start + k) * p.bitsPerSynapse;
    into.weight[k] = readBits(words, base, w, wMask);
    into.preTrace[k] = readBits(words, base + pre, t, tMask);
    into.postTrace[k] = readBits(words, base + post, t, tMask);
    // Sign-extend the t-bit two's complement eligibility.
    into.eligibility[k] = (readBits(words, base + elig, t, tMask) << shift) >> shift;
  }
}

/** Packs fields 0..m-1 of `from` into synapses start..start+m-1. */
function writeBlock(
  p: PackedOnlineO1Population,
  from: OnlineO1Population,
  start: number,
  m: number,
): void {
  const { w, t, wMask, tMask, pre, post, elig } = layout(p.config);
  const words = p.words;
  for (let k = 0; k < m; k++) {
    const base = (start + k) * p.bitsPerSynapse;
    writeBits(words, base, w, wMask, from.weight[k] ?? 0);
    writeBits(words, base + pre, t, tMask, from.preTrace[k] ?? 0);
    writeBits(words, base + post, t, tMask, from.postTrace[k] ?? 0);
    writeBits(words, base + elig, t, tMask, from.eligibility[k] ?? 0);
  }
}

/**
 * `width` (1..31) bits at bit `offset` (bit 0 = the lowest of word 0) as a non-negative integer;
 * `mask` is 2^width - 1. Offsets stay below 2^31 (`MAX_PACKED_BITS`), so `>>> 5` and `& 31`
 * are exact.
 */
function readBits(words: Uint32Array, offset: number, width: number, mask: number): number {
  const word = offset >>> 5;
  const shift = offset & 31;
  let v = (words[word] ?? 0) >>> shift;
  // Only when the field spills into the next word, so `<< (32 - shift)` never shifts by 32.
  if (shift + width > 32) v |= (words[word + 1] ?? 0) << (32 - shift);
  return v & mask;
}

/** Stores the low `width` bits of `value` at bit `offset`, leaving the other bits alone. */
function writeBits(
  words: Uint32Array,
  offset: number,
  width: number,
  mask: number,
  value: number,
): void {
  const word = offset >>> 5;
  const shift = offset & 31;
  const v = value & mask;
  words[word] = ((words[word] ?? 0) & ~(mask << shift)) | (v << shift);
  if (shift + width > 32) {
    const spill = shift + width - 32;
    words[word + 1] = ((words[word + 1] ?? 0) & ~((1 << spill) - 1)) | (v >>> (32 - shift));
  }
}
