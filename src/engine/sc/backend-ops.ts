/**
 * One interface over every backend of the SC operations: plain JavaScript (`ops.ts`), WebAssembly
 * SIMD (`wasm/`) and gpu.js in each of its modes (`gpu/`). Every backend returns the same bits
 * as the JavaScript operations, tail invariant included; calls are asynchronous because a GPU's
 * are. wasm and gpu.js load through dynamic imports, so a page using one never fetches another.
 */
import { BackendUnavailableError } from '../errors.ts';
import { isNode } from '../resolve-backend.ts';
import type { Bitstream } from './bitstream.ts';
import { assertSameLength, wordCount } from './bitstream.ts';
import { and, mux, not, or, popcount, xor } from './ops.ts';
import { andPopcountWords } from './word-kernels.ts';
import type { WasmBitstreamOps } from './wasm/ops.ts';

/** The backends by name; `gpu:<mode>` are gpu.js' modes. */
export type BitstreamBackendName =
  'js' | 'wasm' | 'gpu:cpu' | 'gpu:webasm' | 'gpu:webgl2' | 'gpu:webgpu';

/** Every backend name, in the order a bench lists them. */
export const BITSTREAM_BACKENDS: readonly BitstreamBackendName[] = [
  'js',
  'wasm',
  'gpu:cpu',
  'gpu:webasm',
  'gpu:webgl2',
  'gpu:webgpu',
];

/** AND+popcount over two streams held where the backend computes, for repeated timing. */
export interface PreparedAndPopcount {
  /** Ones of `a & b`. */
  run(): Promise<number>;
  dispose(): void;
}

/** The SC gates and counters on one backend. */
export interface BitstreamBackend {
  readonly name: BitstreamBackendName;
  and(a: Bitstream, b: Bitstream): Promise<Bitstream>;
  or(a: Bitstream, b: Bitstream): Promise<Bitstream>;
  xor(a: Bitstream, b: Bitstream): Promise<Bitstream>;
  not(a: Bitstream): Promise<Bitstream>;
  /** Bit of `b` where `select` is 1, else of `a` (scaled addition when P(select) = 1/2). */
  mux(a: Bitstream, b: Bitstream, select: Bitstream): Promise<Bitstream>;
  popcount(a: Bitstream): Promise<number>;
  /** Ones of `a & b` without storing the product. */
  andPopcount(a: Bitstream, b: Bitstream): Promise<number>;
  /**
   * Copies `a` and `b` once to where this backend computes (wasm memory, the GPU) and returns a
   * count over them, so that timing it measures the kernel and not the transfers.
   */
  prepareAndPopcount(a: Bitstream, b: Bitstream): Promise<PreparedAndPopcount>;
  dispose(): void;
}

/**
 * The operations on `name`. Rejects with `BackendUnavailableError` (naming why) where that
 * backend cannot run: no WebGPU adapter, Dawn not loading in Node, gpu.js degrading a mode.
 *
 * @example
 * const wasm = await createBitstreamBackend('wasm');
 * await wasm.andPopcount(a, b); // === popcount(and(a, b))
 */
export async function createBitstreamBackend(
  name: BitstreamBackendName,
): Promise<BitstreamBackend> {
  switch (name) {
    case 'js':
      return jsBackend();
    case 'wasm':
      return wasmBackend();
    case 'gpu:cpu':
      return gpuBackend(name, 'cpu');
    case 'gpu:webasm':
      return gpuBackend(name, 'webasm');
    case 'gpu:webgl2':
      return gpuBackend(name, 'webgl2');
    case 'gpu:webgpu':
      return gpuBackend(name, 'webgpu');
  }
}

/** `f()` as a promise: a throw (a length mismatch) becomes a rejection, as on the GPU. */
function settle<T>(f: () => T): Promise<T> {
  return new Promise((resolve) => resolve(f()));
}

function jsBackend(): BitstreamBackend {
  const count = (a: Bitstream, b: Bitstream): number =>
    andPopcountWords(a.words, b.words, 0, wordCount(assertSameLength(a, b)));
  return {
    name: 'js',
    and: (a, b) => settle(() => and(a, b)),
    or: (a, b) => settle(() => or(a, b)),
    xor: (a, b) => settle(() => xor(a, b)),
    not: (a) => settle(() => not(a)),
    mux: (a, b, s) => settle(() => mux(a, b, s)),
    popcount: (a) => settle(() => popcount(a)),
    andPopcount: (a, b) => settle(() => count(a, b)),
    prepareAndPopcount: (a, b) =>
      settle(() => {
        assertSameLength(a, b);
        return { run: () => settle(() => count(a, b)), dispose: () => undefined };
      }),
    dispose: () => undefined,
  };
}

async function wasmBackend(): Promise<BitstreamBackend> {
  let k: WasmBitstreamOps;
  try {
    const { WasmBitstreamOps } = await import('./wasm/ops.ts');
    k = await WasmBitstreamOps.create();
  } catch (error) {
    throw new BackendUnavailableError('wasm', `the SC module failed to load (${describe(error)})`);
  }
  return {
    name: 'wasm',
    and: (a, b) => settle(() => k.and(a, b)),
    or: (a, b) => settle(() => k.or(a, b)),
    xor: (a, b) => settle(() => k.xor(a, b)),
    not: (a) => settle(() => k.not(a)),
    mux: (a, b, s) => settle(() => k.mux(a, b, s)),
    popcount: (a) => settle(() => k.popcount(a)),
    andPopcount: (a, b) => settle(() => k.andPopcount(a, b)),
    prepareAndPopcount: async (a, b) => {
      const run = await k.prepareAndPopcount(a, b);
      return { run: () => Promise.resolve(run()), dispose: () => undefined };
    },
    dispose: () => undefined,
  };
}

async function gpuBackend(
  name: BitstreamBackendName,
  mode: 'cpu' | 'webasm' | 'webgl2' | 'webgpu',
): Promise<BitstreamBackend> {
  if (isNode() && mode === 'webgpu') {
    // Node has no navigator.gpu; Dawn provides one where its binary loads (node-webgpu.ts).
    try {
      const { installNodeWebGpu } = await import('../backends/gpu/node-webgpu.ts');
      await installNodeWebGpu();
    } catch (error) {
      throw new BackendUnavailableError(
        name,
        `Dawn (WebGPU for Node) did not load: ${describe(error)}`,
      );
    }
  }
  let module;
  try {
    module = await import('./gpu/ops.ts');
  } catch (error) {
    throw new BackendUnavailableError(name, `gpu.js failed to load (${describe(error)})`);
  }
  const ops = await module.GpuBitstreamOps.create(mode);
  return {
    name,
    and: (a, b) => ops.and(a, b),
    or: (a, b) => ops.or(a, b),
    xor: (a, b) => ops.xor(a, b),
    not: (a) => ops.not(a),
    mux: (a, b, s) => ops.mux(a, b, s),
    popcount: (a) => ops.popcount(a),
    andPopcount: (a, b) => ops.andPopcount(a, b),
    prepareAndPopcount: (a, b) => ops.prepareAndPopcount(a, b),
    dispose: () => ops.dispose(),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
