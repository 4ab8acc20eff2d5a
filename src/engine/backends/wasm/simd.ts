/** Whether this JavaScript engine runs WebAssembly SIMD, which the wasm kernel needs. */

// (module (func (result v128) i32.const 0 i32x4.splat)): the smallest module using v128.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03,
  0x02, 0x01, 0x00, 0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x11, 0x0b,
]);

/**
 * True when WebAssembly with 128-bit SIMD can be compiled here.
 *
 * @example if (!simdSupported()) throw new BackendUnavailableError('wasm', 'no SIMD');
 */
export function simdSupported(): boolean {
  if (typeof WebAssembly !== 'object') return false;
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}
