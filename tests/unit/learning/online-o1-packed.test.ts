/**
 * Packed OnlineO1 state: exactly `onlineO1StateBits` bits a synapse (a hand-worked layout, the
 * byte count), and a step bit for bit `stepMany` on random streams over configs whose fields
 * straddle words in every way, counts across the block size, global and per-synapse rewards.
 */
import { describe, expect, it } from 'vitest';
import {
  createOnlineO1Population,
  onlineO1Config,
  onlineO1StateBits,
  stepMany,
} from '../../../src/engine/learning/online-o1.ts';
import type { OnlineO1Config, OnlineO1Population } from '../../../src/engine/learning/online-o1.ts';
import {
  PACKED_BLOCK,
  createPackedOnlineO1Population,
  packOnlineO1,
  packedStateBytes,
  stepManyPacked,
  unpackOnlineO1,
} from '../../../src/engine/learning/online-o1-packed.ts';
import { draw32, stepKey, streamKey } from '../../../src/engine/random.ts';

/** Uniform [0, 1) draws from the engine's counter-based generator, one stream per seed. */
function uniforms(seed: number): () => number {
  const key = stepKey(streamKey(seed, 0, 1), 0);
  let i = 0;
  return () => draw32(key, i++) / 2 ** 32;
}

function fields(p: OnlineO1Population): number[][] {
  return [p.weight, p.preTrace, p.postTrace, p.eligibility].map((a) => Array.from(a));
}

function randomConfig(rand: () => number, index: number): OnlineO1Config {
  const trace_bits = 2 + Math.floor(rand() * 29);
  return onlineO1Config({
    weight_bits: index % 5 === 0 ? 31 : 1 + Math.floor(rand() * 31),
    trace_bits,
    reward_bits: 1 + Math.floor(rand() * Math.min(30, 32 - trace_bits)),
    learning_shift: Math.floor(rand() * 8),
    trace_decay_shift: index % 3 === 0 ? 0 : 1 + Math.floor(rand() * 6),
  });
}

describe('packed OnlineO1 state', () => {
  it('lays out weight, pre, post, eligibility back to back (worked by hand)', () => {
    // weight_bits 5, trace_bits 3: 14 bits a synapse. Synapse 0: w 19, pre 5, post 2, e -3.
    const config = onlineO1Config({ weight_bits: 5, trace_bits: 3, reward_bits: 4 });
    const s = createOnlineO1Population(config, 3, [19, 31, 0]);
    s.preTrace.set([5, 7, 1]);
    s.postTrace.set([2, 0, 6]);
    s.eligibility.set([-3, 3, -4]);
    const p = packOnlineO1(s);
    expect(p.bitsPerSynapse).toBe(14);
    // 42 bits: two words. Synapse 0 = 19 | 5 << 5 | 2 << 8 | (-3 & 7 = 5) << 11.
    const s0 = 19 | (5 << 5) | (2 << 8) | (5 << 11);
    // Synapse 1 from bit 14: 31 | 7 << 5 | 0 << 8 | 3 << 11; its top bits spill past bit 31.
    const s1 = 31 | (7 << 5) | (0 << 8) | (3 << 11);
    const s2 = 0 | (1 << 5) | (6 << 8) | (4 << 11);
    const all = BigInt(s0) | (BigInt(s1) << 14n) | (BigInt(s2) << 28n);
    expect(p.words.length).toBe(2);
    expect(p.words[0]).toBe(Number(all & 0xffffffffn));
    expect(p.words[1]).toBe(Number(all >> 32n));
    expect(fields(unpackOnlineO1(p))).toEqual(fields(s));
  });

  it('holds exactly onlineO1StateBits a synapse, rounded up to whole words', () => {
    const config = onlineO1Config();
    expect(onlineO1StateBits(config)).toBe(52);
    const p = createPackedOnlineO1Population(config, 100_000, 512);
    expect(packedStateBytes(p)).toBe(Math.ceil((100_000 * 52) / 32) * 4);
    expect((packedStateBytes(p) * 8) / 100_000).toBe(52);
    // Four Int32Arrays would hold 128.
    expect(packedStateBytes(p) / (4 * 4 * 100_000)).toBeCloseTo(52 / 128, 12);
  });

  it('steps bit for bit like stepMany on random streams', () => {
    const rand = uniforms(7);
    const counts = [1, 3, 31, 64, PACKED_BLOCK, PACKED_BLOCK + 37];
    for (let c = 0; c < 30; c++) {
      const config = randomConfig(rand, c);
      const n = counts[c % counts.length] ?? 1;
      const maxWeight = 2 ** config.weight_bits - 1;
      const w0 = Array.from({ length: n }, () => Math.floor((rand() * 1.4 - 0.2) * maxWeight));
      const plain = createOnlineO1Population(config, n, w0);
      const packed = createPackedOnlineO1Population(config, n, w0);
      expect(fields(unpackOnlineO1(packed))).toEqual(fields(plain));
      const span = 2 ** (config.reward_bits - 1) * 2.5;
      for (let t = 0; t < 40; t++) {
        const pre = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
        const post = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 2 : 0));
        const reward =
          t % 2 === 0
            ? Math.round((rand() - 0.5) * span)
            : Int32Array.from({ length: n }, () => Math.round((rand() - 0.5) * span));
        stepMany(plain, pre, post, reward);
        stepManyPacked(packed, pre, post, reward);
      }
      expect(fields(unpackOnlineO1(packed)), `config ${JSON.stringify(config)}, n ${n}`).toEqual(
        fields(plain),
      );
      // Not a trivial stream: something learned, something saturated or decayed.
      expect(plain.eligibility.some((e) => e !== 0)).toBe(true);
    }
  });

  it('refuses too few spikes or rewards, naming the counts', () => {
    const p = createPackedOnlineO1Population(onlineO1Config(), 4, 0);
    expect(() => stepManyPacked(p, new Uint8Array(4), new Uint8Array(3), 1)).toThrow(
      'OnlineO1 (packed): 4 synapses need 4 pre and post spikes, got 4 pre, 3 post',
    );
    expect(() =>
      stepManyPacked(p, new Uint8Array(4), new Uint8Array(4), new Int32Array(2)),
    ).toThrow('4 synapses need 4 pre and post spikes and rewards, got 4 pre, 4 post, 2 rewards');
  });
});
