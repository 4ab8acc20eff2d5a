/**
 * The one way the engine's WebAssembly kernels (the wasm backend, the SC bitstream ops, the
 * learning rules) are loaded: the same base64 bytes and the same call in Node, the page and
 * workers, compiled once per realm, a fresh instance (own memory) per call, and the exports
 * checked so that a stale build says how to fix it instead of failing later.
 */

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * A function that instantiates the module in `base64`, checking it exports `memory` and every
 * name of `functions`; `label` names the kernel in the error.
 *
 * @example const instantiate = kernelLoader<MyExports>(BASE64, ['heapBase'], 'my kernel');
 */
export function kernelLoader<T extends { memory: WebAssembly.Memory }>(
  base64: string,
  functions: readonly string[],
  label: string,
): () => Promise<T> {
  let compiled: Promise<WebAssembly.Module> | undefined;
  return async () => {
    compiled ??= WebAssembly.compile(decodeBase64(base64));
    const instance = await WebAssembly.instantiate(await compiled, {});
    const exports = instance.exports;
    const missing = functions.filter((name) => typeof exports[name] !== 'function');
    if (!(exports['memory'] instanceof WebAssembly.Memory) || missing.length > 0) {
      throw new Error(
        `${label}: unexpected exports (missing ${missing.join(', ') || 'memory'}; ` +
          'rebuild with node scripts/build-wasm.mjs)',
      );
    }
    // Checked just above: every name is a function and memory is a Memory.
    return exports as unknown as T;
  };
}
