/** Saves bytes as a file through a temporary link (see persistence/download.ts for text). */
export function downloadBytes(
  fileName: string,
  bytes: Uint8Array,
  type = 'application/x-hdf5',
): void {
  // A copy into a plain ArrayBuffer: a view on wasm memory or a SharedArrayBuffer is no BlobPart.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
