/**
 * OnlineO1 over many synapses (`stepMany`, Int32Array fields) against the one-synapse step
 * on random streams: every configuration corner (widths 1..31, shifts 0..30, the int32 edge
 * of reward_bits + trace_bits = 32), global and per-synapse rewards, rewards far outside
 * their range.
 */
import { describe, expect, it } from 'vitest';
import {
  createOnlineO1Population,
  initialOnlineO1State,
  onlineO1Config,
  stepMany,
  stepOnlineO1,
} from '../../../src/engine/learning/online-o1.ts';
import type { OnlineO1Config, OnlineO1State } from '../../../src/engine/learning/online-o1.ts';

/** A small seeded generator (32-bit LCG, top bits), so every run sees the same streams. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomConfig(rand: () => number, index: number): OnlineO1Config {
  const trace_bits = 2 + Math.floor(rand() * 29);
  // Every fourth config sits on the int32 edge reward_bits + trace_bits = 32 (when <= 30).
  const reward_bits =
    index % 4 === 0
      ? Math.min(30, 32 - trace_bits)
      : 1 + Math.floor(rand() * Math.min(30, 32 - trace_bits));
  return onlineO1Config({
    weight_bits: index % 5 === 0 ? 31 : 1 + Math.floor(rand() * 31),
    trace_bits,
    reward_bits,
    learning_shift: Math.floor(rand() * 31),
    // Small shifts often, so the traces and eligibility move a lot.
    trace_decay_shift: index % 3 === 0 ? Math.floor(rand() * 3) : Math.floor(rand() * 31),
  });
}

describe('stepMany', () => {
  it('agrees with stepOnlineO1 on random streams, per-synapse rewards', () => {
    const rand = lcg(2024);
    for (let c = 0; c < 60; c++) {
      const config = randomConfig(rand, c);
      const n = 8;
      const maxWeight = 2 ** config.weight_bits - 1;
      const w0 = Array.from({ length: n }, () => Math.floor((rand() * 1.4 - 0.2) * maxWeight));
      const population = createOnlineO1Population(config, n, w0);
      let scalar: OnlineO1State[] = w0.map((w) => initialOnlineO1State(config, w));
      const rates = Array.from({ length: n }, () => [rand(), rand()] as const);
      const rewardSpan = 2 ** (config.reward_bits - 1) * 2.5;
      for (let t = 0; t < 80; t++) {
        const pre = Uint8Array.from(rates, ([p]) => (rand() < p ? 1 : 0));
        const post = Uint8Array.from(rates, ([, q]) => (rand() < q ? 1 : 0));
        const reward = Int32Array.from(rates, () =>
          Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.floor((rand() - 0.5) * rewardSpan))),
        );
        stepMany(population, pre, post, reward);
        scalar = scalar.map((s, i) =>
          stepOnlineO1(config, s, pre[i] === 1, post[i] === 1, reward[i] ?? 0),
        );
        const fromArrays = scalar.map((_, i) => ({
          weight: population.weight[i],
          preTrace: population.preTrace[i],
          postTrace: population.postTrace[i],
          eligibility: population.eligibility[i],
        }));
        expect(fromArrays, `config ${c} step ${t}`).toEqual(scalar);
      }
    }
  });

  it('agrees with stepOnlineO1 with one global reward, including ones past int32', () => {
    const rand = lcg(7);
    for (let c = 0; c < 30; c++) {
      const config = randomConfig(rand, c);
      const n = 16;
      const population = createOnlineO1Population(config, n, 2 ** (config.weight_bits - 1));
      let scalar: OnlineO1State[] = Array.from({ length: n }, () =>
        initialOnlineO1State(config, 2 ** (config.weight_bits - 1)),
      );
      for (let t = 0; t < 60; t++) {
        const pre = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
        const post = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
        const reward =
          t % 7 === 0 ? -(2 ** 40) : Math.floor((rand() - 0.4) * 2 ** config.reward_bits);
        stepMany(population, pre, post, reward);
        scalar = scalar.map((s, i) => stepOnlineO1(config, s, pre[i] === 1, post[i] === 1, reward));
      }
      expect(Array.from(population.weight), `config ${c}`).toEqual(scalar.map((s) => s.weight));
      expect(Array.from(population.eligibility)).toEqual(scalar.map((s) => s.eligibility));
      expect(Array.from(population.preTrace)).toEqual(scalar.map((s) => s.preTrace));
      expect(Array.from(population.postTrace)).toEqual(scalar.map((s) => s.postTrace));
    }
  });

  it('saturates at the int32 edge without overflowing: 31 weight bits, 30 trace bits', () => {
    const config = onlineO1Config({
      weight_bits: 31,
      trace_bits: 30,
      reward_bits: 2,
      learning_shift: 0,
      trace_decay_shift: 30,
    });
    const population = createOnlineO1Population(config, 2, [2 ** 31 - 2, 1]);
    // Step 1: pre spikes at both. Step 2: post spikes, so e = 2^30 - 1 -> 2^29 - 1 and the
    // change is 1 * (2^29 - 1): synapse 0 saturates at 2^31 - 1 (2^31 - 2 + 2^29 - 1 would
    // not fit an int32), synapse 1 reaches 2^29.
    stepMany(population, Uint8Array.of(1, 1), Uint8Array.of(0, 0), 0);
    stepMany(population, Uint8Array.of(0, 0), Uint8Array.of(1, 1), 1);
    expect(Array.from(population.eligibility)).toEqual([2 ** 29 - 1, 2 ** 29 - 1]);
    expect(Array.from(population.weight)).toEqual([2 ** 31 - 1, 2 ** 29]);
    // Step 3: pre spikes again: e = (2^29 - 1) - 0 - (2^30 - 1) = -2^29 (exactly the minimum),
    // reward -2 gives +2^30: synapse 1 reaches 2^29 + 2^30.
    stepMany(population, Uint8Array.of(1, 1), Uint8Array.of(0, 0), -2);
    expect(Array.from(population.eligibility)).toEqual([-(2 ** 29), -(2 ** 29)]);
    expect(Array.from(population.weight)).toEqual([2 ** 31 - 1, 2 ** 29 + 2 ** 30]);
  });

  it('saturates initial weights and refuses bad input with clear messages', () => {
    const config = onlineO1Config({ weight_bits: 4 });
    expect(Array.from(createOnlineO1Population(config, 3, [-1, 7, 99]).weight)).toEqual([0, 7, 15]);
    expect(() => createOnlineO1Population(config, 2, [1])).toThrow(/initial weight 1 .*1 weights/);
    expect(() => createOnlineO1Population(config, -1, 0)).toThrow(/synapse count/);
    expect(() => createOnlineO1Population(config, 1, 0.5)).toThrow(/must be an integer/);
    const population = createOnlineO1Population(config, 3, 0);
    expect(() => stepMany(population, new Uint8Array(2), new Uint8Array(3), 0)).toThrow(
      /3 synapses need 3 pre and post spikes, got 2 pre, 3 post/,
    );
    expect(() =>
      stepMany(population, new Uint8Array(3), new Uint8Array(3), new Int32Array(1)),
    ).toThrow(/1 rewards/);
    expect(() => stepMany(population, new Uint8Array(3), new Uint8Array(3), 0.5)).toThrow(
      /reward must be an integer/,
    );
  });
});
