/**
 * OnlineO1 as a gpu.js kernel against `stepMany`, bit for bit, in the modes Node has (cpu and
 * webasm): random configs inside float32's exact range and its corners (the widest weight, the
 * widest eligibility sum, the widest reward with products up to 2^30 and no learning shift),
 * counts that are not powers of two, global and per-synapse rewards beyond the reward range.
 */
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import {
  createOnlineO1Population,
  onlineO1Config,
  stepMany,
} from '../../../src/engine/learning/online-o1.ts';
import type { OnlineO1Config, OnlineO1Population } from '../../../src/engine/learning/online-o1.ts';
import { GpuOnlineO1Population } from '../../../src/engine/learning/gpu/online-o1-gpu.ts';
import { gpuOnlineO1Problems } from '../../../src/engine/learning/gpu/online-o1-kernel.ts';
import { draw32, stepKey, streamKey } from '../../../src/engine/random.ts';

function uniforms(seed: number): () => number {
  const key = stepKey(streamKey(seed, 0, 1), 0);
  let i = 0;
  return () => draw32(key, i++) / 2 ** 32;
}

function fields(p: OnlineO1Population): number[][] {
  return [p.weight, p.preTrace, p.postTrace, p.eligibility].map((a) => Array.from(a));
}

const CORNERS: OnlineO1Config[] = [
  onlineO1Config(),
  onlineO1Config({ weight_bits: 24, trace_bits: 8, learning_shift: 0 }),
  onlineO1Config({ weight_bits: 24, trace_bits: 23, reward_bits: 9, learning_shift: 2 }),
  onlineO1Config({ weight_bits: 20, trace_bits: 7, reward_bits: 25, learning_shift: 0 }),
  onlineO1Config({ weight_bits: 1, trace_bits: 2, reward_bits: 1, trace_decay_shift: 0 }),
];

function randomConfig(rand: () => number): OnlineO1Config {
  const trace_bits = 2 + Math.floor(rand() * 22);
  return onlineO1Config({
    weight_bits: 1 + Math.floor(rand() * 24),
    trace_bits,
    reward_bits: 1 + Math.floor(rand() * Math.min(25, 32 - trace_bits)),
    learning_shift: Math.floor(rand() * 10),
    trace_decay_shift: Math.floor(rand() * 5),
  });
}

async function compare(mode: 'cpu' | 'webasm', config: OnlineO1Config, n: number, seed: number) {
  const rand = uniforms(seed);
  const maxWeight = 2 ** config.weight_bits - 1;
  const w0 = Array.from({ length: n }, () => Math.floor((rand() * 1.4 - 0.2) * maxWeight));
  const js = createOnlineO1Population(config, n, w0);
  const gpu = await GpuOnlineO1Population.create(mode, config, n, w0);
  try {
    expect(fields(gpu.toPopulation())).toEqual(fields(js));
    const span = 2 ** (config.reward_bits - 1) * 2.5;
    for (let t = 0; t < 25; t++) {
      const pre = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
      const post = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 7 : 0));
      const reward =
        t % 2 === 0
          ? Math.round((rand() - 0.5) * span)
          : Int32Array.from({ length: n }, () => Math.round((rand() - 0.5) * span));
      stepMany(js, pre, post, reward);
      await gpu.step(pre, post, reward);
    }
    expect(fields(gpu.toPopulation()), `${mode} ${JSON.stringify(config)}`).toEqual(fields(js));
  } finally {
    gpu.dispose();
  }
}

describe.each(['cpu', 'webasm'] as const)('OnlineO1 on gpu.js %s', (mode) => {
  it('matches stepMany bit for bit at the corners of the exact range', async () => {
    for (const [k, config] of CORNERS.entries()) await compare(mode, config, 37, 100 + k);
  });

  it('matches stepMany bit for bit on random configs and streams', async () => {
    const rand = uniforms(5);
    for (let c = 0; c < 8; c++) await compare(mode, randomConfig(rand), 1 + c * 29, 200 + c);
  });
});

describe('OnlineO1 on gpu.js: refusals', () => {
  it('accepts the default config and refuses values float32 cannot hold exactly', async () => {
    expect(gpuOnlineO1Problems(onlineO1Config())).toEqual([]);
    expect(
      gpuOnlineO1Problems(onlineO1Config({ weight_bits: 25, trace_bits: 24, reward_bits: 8 })),
    ).toEqual([
      'weight_bits 25 > 24 (weights up to 33554431)',
      "trace_bits 24 > 23 (the eligibility's sum reaches 25165823)",
    ]);
    expect(gpuOnlineO1Problems(onlineO1Config({ trace_bits: 4, reward_bits: 26 }))).toEqual([
      'reward_bits 26 > 25 (rewards down to -33554432)',
    ]);
    await expect(
      GpuOnlineO1Population.create('cpu', onlineO1Config({ weight_bits: 31 }), 4, 0),
    ).rejects.toThrow(
      'OnlineO1 on gpu.js keeps values in float32, exact only below 2^24: weight_bits 31 > 24',
    );
  });

  it('refuses WebGL2 naming why, and is exact or unavailable (with the reason) on WebGPU', async () => {
    const webgl2 = GpuOnlineO1Population.create('webgl2', onlineO1Config(), 4, 0);
    await expect(webgl2).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(webgl2).rejects.toThrow(/emulated GLSL bitwise operators/);
    // WebGPU in Node needs Dawn; where it loads, the creation's check step has matched stepMany.
    try {
      const g = await GpuOnlineO1Population.create('webgpu', onlineO1Config(), 4, 0);
      g.dispose();
    } catch (error) {
      expect(error).toBeInstanceOf(BackendUnavailableError);
      expect((error as Error).message).toMatch(/gpu:webgpu.*\w/);
    }
  });

  it('refuses too few spikes, naming the counts', async () => {
    const g = await GpuOnlineO1Population.create('cpu', onlineO1Config(), 4, 0);
    await expect(g.step(new Uint8Array(4), new Uint8Array(2), 1)).rejects.toThrow(
      'OnlineO1 (gpu): 4 synapses need 4 pre and post spikes, got 4 pre, 2 post',
    );
    g.dispose();
  });
});
