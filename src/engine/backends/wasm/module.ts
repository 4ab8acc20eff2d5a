/** Loads the compiled kernel: the same bytes and the same call in Node, the page and workers. */
import { kernelLoader } from '../../wasm-kernel-loader.ts';
import { KERNEL_BASE64 } from './kernel.generated.ts';

/** What the kernel exports (see assembly/kernel.ts). */
export interface KernelExports {
  memory: WebAssembly.Memory;
  /** First byte of memory the host may lay out. */
  heapBase(): number;
  /** Runs steps start..start+n-1; returns the number done. */
  run(header: number, start: number, n: number, checked: number): number;
}

/**
 * A fresh kernel instance with its own memory. The module is compiled once per realm and
 * cached; every simulation gets its own instance.
 */
export const instantiateKernel = kernelLoader<KernelExports>(
  KERNEL_BASE64,
  ['heapBase', 'run'],
  'wasm kernel',
);
