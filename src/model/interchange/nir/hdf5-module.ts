/**
 * h5wasm, loaded once on first use. Its main (ESM) entry carries the HDF5 library as inlined
 * WebAssembly and keeps files in Emscripten's in-memory file system, so the same import serves
 * Node (CLI, vitest) and the page under Vite; the `h5wasm/node` entry would instead read the
 * disk, which the page cannot. The import is dynamic: the module is megabytes, and a session
 * that never opens a NIR file should not pay for it.
 */
import type * as H5 from 'h5wasm';

export type H5Wasm = typeof H5.default;
export type H5File = H5.File;
export type H5Group = H5.Group;
export type H5Dataset = H5.Dataset;

/** The three calls of Emscripten's in-memory file system used here. */
interface MemoryFs {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
}

let loading: Promise<{ h5: H5Wasm; fs: MemoryFs }> | null = null;
let counter = 0;

function load(): Promise<{ h5: H5Wasm; fs: MemoryFs }> {
  loading ??= import('h5wasm').then(async (module) => {
    const ready = await module.default.ready;
    // HDF5's errors become exceptions (by default it prints its error stack and carries on,
    // so a truncated file would open as an empty one).
    ready.activate_throwing_error_handler();
    // h5wasm types FS with Emscripten's own declarations, which this project does not install.
    const fs = (ready as { FS?: MemoryFs | null }).FS;
    if (fs === null || fs === undefined) throw new Error('h5wasm: its file system is missing');
    return { h5: module.default, fs };
  });
  // A failed load (a chunk the network lost) must not stick: the next call tries again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** h5wasm, ready to use (the first call compiles its WebAssembly). */
export async function loadH5wasm(): Promise<H5Wasm> {
  return (await load()).h5;
}

/**
 * Opens `bytes` as an HDF5 file in memory, runs `use` on it, and frees it however `use` ends.
 * @example await withFileBytes(bytes, (file) => file.keys())
 */
export async function withFileBytes<T>(bytes: Uint8Array, use: (file: H5File) => T): Promise<T> {
  const { h5, fs } = await load();
  const name = `/spikelab-read-${++counter}.h5`;
  fs.writeFile(name, bytes);
  let file: H5File | null = null;
  try {
    file = new h5.File(name, 'r');
    return use(file);
  } finally {
    file?.close();
    fs.unlink(name);
  }
}

/**
 * Creates an HDF5 file in memory, lets `fill` write it, and returns its bytes.
 * @example const bytes = await newFileBytes((file) => file.create_group('node'))
 */
export async function newFileBytes(fill: (file: H5File) => void): Promise<Uint8Array> {
  const { h5, fs } = await load();
  const name = `/spikelab-write-${++counter}.h5`;
  const file = new h5.File(name, 'w');
  try {
    fill(file);
    file.flush();
  } finally {
    file.close();
  }
  try {
    // A copy: the file system's buffer is freed with the file.
    return new Uint8Array(fs.readFile(name));
  } finally {
    fs.unlink(name);
  }
}

/**
 * The line of an HDF5 error stack that says what went wrong (its innermost entry, e.g.
 * `truncated file: eof = 100, ... stored_eof = 47896`); other errors' own messages.
 */
export function hdf5Reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const entries = [...message.matchAll(/#\d+: .* in [\w.]+\(\): (.*)/g)];
  return entries.at(-1)?.[1]?.trim() ?? message.trim();
}
