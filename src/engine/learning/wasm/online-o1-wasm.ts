/**
 * OnlineO1 populations whose state lives in WebAssembly memory: the same `OnlineO1Population`
 * shape as ../online-o1-many.ts (its four Int32Arrays are views of the instance's memory) and
 * `stepManyWasm` with `stepMany`'s arguments and results, bit for bit.
 */
import type { OnlineO1Config } from '../online-o1-config.ts';
import { createOnlineO1Population } from '../online-o1-many.ts';
import type { OnlineO1Population } from '../online-o1-many.ts';
import { instantiateOnlineO1Kernel } from './module.ts';
import type { OnlineO1KernelExports } from './module.ts';

const PAGE = 65536;
/** Arrays start on cache lines (v128 loads need 16 bytes; 64 keeps lines unshared). */
const ALIGN = 64;

/** A population in one instance's memory, with the input arrays the kernel reads. */
export interface WasmOnlineO1Population extends OnlineO1Population {
  readonly kernel: OnlineO1KernelExports;
  /** Inputs, copied in by `stepManyWasm` (views of the same memory). */
  readonly pre: Uint8Array;
  readonly post: Uint8Array;
  readonly reward: Int32Array;
}

const align = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;

/**
 * Like `createOnlineO1Population`, with the state in a fresh wasm instance: 4 x 4 bytes of
 * state plus 6 bytes of inputs per synapse.
 *
 * @example
 * const s = await createWasmOnlineO1Population(onlineO1Config(), 1000, 512);
 * stepManyWasm(s, pre, post, 3);
 */
export async function createWasmOnlineO1Population(
  config: OnlineO1Config,
  count: number,
  initialWeight: number | ArrayLike<number>,
): Promise<WasmOnlineO1Population> {
  // Checks count and weights and saturates the weights, exactly as the JavaScript form.
  const initial = createOnlineO1Population(config, count, initialWeight);
  const kernel = await instantiateOnlineO1Kernel();
  const words = align(count * 4);
  // The kernel reads spikes 8 bytes at a time (v128.load8x8_u) and uses the first 4, so
  // each spike array has 8 bytes of slack past its end.
  const bytes = align(count + 8);
  const base = align(kernel.heapBase());
  const end = base + 5 * words + 2 * bytes;
  if (end > 2 ** 32 - PAGE) {
    throw new RangeError(`OnlineO1 wasm: ${count} synapses need more than 4 GiB of memory`);
  }
  const have = kernel.memory.buffer.byteLength;
  if (end > have) kernel.memory.grow(Math.ceil((end - have) / PAGE));
  // Views are taken after growing: growth detaches the old buffer.
  const buffer = kernel.memory.buffer;
  const i32 = (k: number): Int32Array => new Int32Array(buffer, base + k * words, count);
  const u8 = (k: number): Uint8Array => new Uint8Array(buffer, base + 5 * words + k * bytes, count);
  const { bounds } = initial;
  const population: WasmOnlineO1Population = {
    config,
    bounds,
    count,
    weight: i32(0),
    preTrace: i32(1),
    postTrace: i32(2),
    eligibility: i32(3),
    reward: i32(4),
    pre: u8(0),
    post: u8(1),
    kernel,
  };
  population.weight.set(initial.weight);
  // One instance per population, so its bounds are set once, here.
  kernel.configure(
    bounds.maxWeight,
    bounds.maxTrace,
    bounds.minEligibility,
    bounds.maxEligibility,
    bounds.minReward,
    bounds.maxReward,
    config.trace_decay_shift,
    config.learning_shift,
  );
  return population;
}

/**
 * `stepMany` on WebAssembly: copies the spikes (and per-synapse rewards) into the instance
 * and runs one step of every synapse, four at a time.
 */
export function stepManyWasm(
  state: WasmOnlineO1Population,
  pre: Uint8Array,
  post: Uint8Array,
  reward: number | Int32Array,
): void {
  const n = state.count;
  if (pre.length < n || post.length < n || (typeof reward !== 'number' && reward.length < n)) {
    throw new RangeError(
      `OnlineO1 wasm: ${n} synapses need ${n} pre and post spikes (and rewards), got ` +
        `${pre.length} pre, ${post.length} post` +
        (typeof reward === 'number' ? '' : `, ${reward.length} rewards`),
    );
  }
  if (typeof reward === 'number' && !Number.isInteger(reward)) {
    throw new RangeError(`OnlineO1 wasm: the reward must be an integer, got ${reward}`);
  }
  const { bounds, kernel } = state;
  state.pre.set(pre.subarray(0, n));
  state.post.set(post.subarray(0, n));
  let shared = 0;
  if (typeof reward === 'number') {
    shared = Math.min(bounds.maxReward, Math.max(bounds.minReward, reward));
  } else {
    state.reward.set(reward.subarray(0, n));
  }
  kernel.step(
    state.weight.byteOffset,
    state.preTrace.byteOffset,
    state.postTrace.byteOffset,
    state.eligibility.byteOffset,
    state.pre.byteOffset,
    state.post.byteOffset,
    state.reward.byteOffset,
    n,
    shared,
    typeof reward === 'number' ? 0 : 1,
  );
}
