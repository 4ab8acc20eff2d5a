/**
 * Loads the OnlineO1 kernel (assembly/kernel.ts, built by scripts/build-wasm.mjs into
 * `kernel.generated.ts`): the same bytes and the same call in Node, the page and workers.
 */
import { kernelLoader } from '../../wasm-kernel-loader.ts';
import { ONLINE_O1_KERNEL_BASE64 } from './kernel.generated.ts';

/** What the module exports (see assembly/kernel.ts); addresses are byte offsets. */
export interface OnlineO1KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  configure(
    maxWeight: number,
    maxTrace: number,
    minEligibility: number,
    maxEligibility: number,
    minReward: number,
    maxReward: number,
    decayShift: number,
    learningShift: number,
  ): void;
  step(
    weight: number,
    preTrace: number,
    postTrace: number,
    eligibility: number,
    pre: number,
    post: number,
    reward: number,
    n: number,
    shared: number,
    perSynapse: number,
  ): void;
}

const FUNCTIONS = ['heapBase', 'configure', 'step'];

/**
 * A fresh instance with its own memory; the module is compiled once per realm and cached.
 *
 * @example
 * const k = await instantiateOnlineO1Kernel();
 * k.heapBase() % 64 === 0;
 */
export const instantiateOnlineO1Kernel = kernelLoader<OnlineO1KernelExports>(
  ONLINE_O1_KERNEL_BASE64,
  FUNCTIONS,
  'OnlineO1 wasm kernel',
);
