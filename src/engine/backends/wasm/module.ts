/** Loads the compiled kernel: the same bytes and the same call in Node, the page and workers. */
import { KERNEL_BASE64 } from './kernel.generated.ts';

/** What the kernel exports (see assembly/kernel.ts). */
export interface KernelExports {
  memory: WebAssembly.Memory;
  /** First byte of memory the host may lay out. */
  heapBase(): number;
  /** Runs steps start..start+n-1; returns the number done. */
  run(header: number, start: number, n: number, checked: number): number;
}

let compiled: Promise<WebAssembly.Module> | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * A fresh kernel instance with its own memory. The module is compiled once per realm and
 * cached; every simulation gets its own instance.
 */
export async function instantiateKernel(): Promise<KernelExports> {
  compiled ??= WebAssembly.compile(decodeBase64(KERNEL_BASE64));
  const instance = await WebAssembly.instantiate(await compiled, {});
  const { memory, heapBase, run } = instance.exports;
  if (
    !(memory instanceof WebAssembly.Memory) ||
    typeof heapBase !== 'function' ||
    typeof run !== 'function'
  ) {
    throw new Error('wasm kernel: unexpected exports (rebuild with node scripts/build-wasm.mjs)');
  }
  return {
    memory,
    heapBase: heapBase as () => number,
    run: run as (header: number, start: number, n: number, checked: number) => number,
  };
}
