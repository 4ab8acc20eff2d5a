/**
 * Loads the SC word-kernel module (assembly/kernel.ts, built by scripts/build-wasm.mjs into
 * `kernel.generated.ts`): the same bytes and the same call in Node, the page and workers, as the
 * engine's wasm backend does with its own module.
 */
import { kernelLoader } from '../../wasm-kernel-loader.ts';
import { SC_KERNEL_BASE64 } from './kernel.generated.ts';

/** What the module exports (see assembly/kernel.ts); addresses are byte offsets. */
export interface ScKernelExports {
  memory: WebAssembly.Memory;
  /** First byte of memory the host may lay out. */
  heapBase(): number;
  and(a: number, b: number, out: number, length: number): void;
  or(a: number, b: number, out: number, length: number): void;
  xor(a: number, b: number, out: number, length: number): void;
  not(a: number, out: number, length: number): void;
  mux(a: number, b: number, s: number, out: number, length: number): void;
  popcount(a: number, length: number): number;
  andPopcount(a: number, b: number, length: number): number;
}

const FUNCTIONS = ['heapBase', 'and', 'or', 'xor', 'not', 'mux', 'popcount', 'andPopcount'];

/**
 * A fresh instance with its own memory. The module is compiled once per realm and cached.
 *
 * @example
 * const k = await instantiateScKernels();
 * k.popcount(k.heapBase(), 0) === 0;
 */
export const instantiateScKernels = kernelLoader<ScKernelExports>(
  SC_KERNEL_BASE64,
  FUNCTIONS,
  'SC wasm kernels',
);
