/**
 * Loads the OnlineO1 kernel (assembly/kernel.ts, built by scripts/build-wasm.mjs into
 * `kernel.generated.ts`): the same bytes and the same call in Node, the page and workers.
 */
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

let compiled: Promise<WebAssembly.Module> | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * A fresh instance with its own memory; the module is compiled once per realm and cached.
 *
 * @example
 * const k = await instantiateOnlineO1Kernel();
 * k.heapBase() % 64 === 0;
 */
export async function instantiateOnlineO1Kernel(): Promise<OnlineO1KernelExports> {
  compiled ??= WebAssembly.compile(decodeBase64(ONLINE_O1_KERNEL_BASE64));
  const instance = await WebAssembly.instantiate(await compiled, {});
  const exports = instance.exports;
  const missing = FUNCTIONS.filter((name) => typeof exports[name] !== 'function');
  if (!(exports['memory'] instanceof WebAssembly.Memory) || missing.length > 0) {
    throw new Error(
      `OnlineO1 wasm kernel: unexpected exports (missing ${missing.join(', ') || 'memory'}; ` +
        'rebuild with node scripts/build-wasm.mjs)',
    );
  }
  // Checked just above: every name is a function and memory is a Memory.
  return exports as unknown as OnlineO1KernelExports;
}
