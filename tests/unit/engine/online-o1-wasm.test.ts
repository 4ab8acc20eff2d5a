/**
 * OnlineO1 on WebAssembly (i32x4 SIMD plus a scalar tail) against the JavaScript `stepMany`
 * on random streams, bit for bit: counts that are and are not multiples of 4, every config
 * corner, global and per-synapse rewards.
 */
import { describe, expect, it } from 'vitest';
import {
  createOnlineO1Population,
  onlineO1Config,
  stepMany,
} from '../../../src/engine/learning/online-o1.ts';
import type { OnlineO1Config, OnlineO1Population } from '../../../src/engine/learning/online-o1.ts';
import {
  createWasmOnlineO1Population,
  stepManyWasm,
} from '../../../src/engine/learning/wasm/online-o1-wasm.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomConfig(rand: () => number, index: number): OnlineO1Config {
  const trace_bits = 2 + Math.floor(rand() * 29);
  const reward_bits =
    index % 4 === 0
      ? Math.min(30, 32 - trace_bits)
      : 1 + Math.floor(rand() * Math.min(30, 32 - trace_bits));
  return onlineO1Config({
    weight_bits: index % 5 === 0 ? 31 : 1 + Math.floor(rand() * 31),
    trace_bits,
    reward_bits,
    learning_shift: Math.floor(rand() * 31),
    trace_decay_shift: index % 3 === 0 ? Math.floor(rand() * 3) : Math.floor(rand() * 31),
  });
}

function fields(p: OnlineO1Population): number[][] {
  return [p.weight, p.preTrace, p.postTrace, p.eligibility].map((a) => Array.from(a));
}

describe('OnlineO1 on wasm', () => {
  it('matches stepMany bit for bit on random streams', async () => {
    const rand = lcg(99);
    for (let c = 0; c < 40; c++) {
      const config = randomConfig(rand, c);
      const n = [1, 3, 4, 13, 64, 67][c % 6] ?? 1;
      const maxWeight = 2 ** config.weight_bits - 1;
      const w0 = Array.from({ length: n }, () => Math.floor((rand() * 1.4 - 0.2) * maxWeight));
      const js = createOnlineO1Population(config, n, w0);
      const wasm = await createWasmOnlineO1Population(config, n, w0);
      expect(fields(wasm)).toEqual(fields(js));
      const rates = Array.from({ length: n }, () => [rand(), rand()] as const);
      const span = 2 ** (config.reward_bits - 1) * 2.5;
      for (let t = 0; t < 60; t++) {
        const pre = Uint8Array.from(rates, ([p]) => (rand() < p ? 1 : 0));
        // Any non-zero byte is a spike, on both forms.
        const post = Uint8Array.from(rates, ([, q]) =>
          rand() < q ? 1 + Math.floor(rand() * 255) : 0,
        );
        const reward =
          t % 2 === 0
            ? Int32Array.from(rates, () => Math.floor((rand() - 0.5) * span))
            : Math.floor((rand() - 0.5) * span);
        stepMany(js, pre, post, reward);
        stepManyWasm(wasm, pre, post, reward);
        expect(fields(wasm), `config ${c} (${JSON.stringify(config)}) n ${n} step ${t}`).toEqual(
          fields(js),
        );
      }
    }
  });

  it('saturates at the int32 edge like the JavaScript form', async () => {
    const config = onlineO1Config({
      weight_bits: 31,
      trace_bits: 30,
      reward_bits: 2,
      learning_shift: 0,
      trace_decay_shift: 30,
    });
    const w0 = [2 ** 31 - 2, 1, 0, 2 ** 31 - 1, 5];
    const js = createOnlineO1Population(config, 5, w0);
    const wasm = await createWasmOnlineO1Population(config, 5, w0);
    const ones = Uint8Array.of(1, 1, 1, 1, 1);
    const none = new Uint8Array(5);
    for (const [pre, post, reward] of [
      [ones, none, 0],
      [none, ones, 1],
      [ones, none, -2],
      [ones, ones, 2 ** 40],
    ] as const) {
      stepMany(js, pre, post, reward);
      stepManyWasm(wasm, pre, post, reward);
      expect(fields(wasm)).toEqual(fields(js));
    }
    // Steps 1-3 as in online-o1-many.test.ts (e = 2^29 - 1, then -2^29 with reward -2, so
    // +2^30); step 4: both spike, e = -2^29 + (2^30 - 1) - (2^30 - 1) = -2^29, reward 2^40
    // saturates to 1: every weight loses 2^29.
    expect(Array.from(wasm.weight)).toEqual([
      2 ** 31 - 1 - 2 ** 29,
      2 ** 30,
      2 ** 30 - 1,
      2 ** 31 - 1 - 2 ** 29,
      2 ** 30 + 4,
    ]);
  });

  it('refuses mismatched inputs with the counts in the message', async () => {
    const wasm = await createWasmOnlineO1Population(onlineO1Config(), 4, 0);
    expect(() => stepManyWasm(wasm, new Uint8Array(3), new Uint8Array(4), 0)).toThrow(
      /4 synapses need 4 pre and post spikes \(and rewards\), got 3 pre, 4 post/,
    );
    expect(() => stepManyWasm(wasm, new Uint8Array(4), new Uint8Array(4), 1.5)).toThrow(
      /reward must be an integer/,
    );
  });
});
