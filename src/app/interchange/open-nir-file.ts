/**
 * Opening a `.nir` file (from the Open button or dropped on the canvas): read it as HDF5 into
 * a NIR graph, then let the import dialog ask for dt and the discretisation. A file that cannot
 * be read is reported in the issues panel, naming the file; the current network stays.
 */
import { MAX_FILE_BYTES } from '../../store/persistence/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { useNirDialogs } from './nir-dialog-store.ts';
import { loadNirImport } from './nir-module.ts';

/** Whether a file name is a NIR file's (`net.nir`, `NET.NIR`). */
export function isNirFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.nir');
}

/** Reads `file` and opens the import dialog, or reports why it could not. */
export async function openNirFile(file: File): Promise<void> {
  const fail = (message: string, path = '(file)') =>
    useNotices.getState().showIssues({ title: file.name, issues: [{ path, message }] });
  if (file.size > MAX_FILE_BYTES) {
    fail(
      `is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than the page reads (${MAX_FILE_BYTES / 1024 / 1024} MB)`,
    );
    return;
  }
  if (file.size === 0) {
    fail('is empty');
    return;
  }
  // The first NIR file fetches the HDF5 library (megabytes): say that something is happening.
  useNotices.getState().toast(`Reading ${file.name}…`, 'info');
  try {
    const nir = await loadNirImport();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { version, graph } = await nir.readNirFile(bytes);
    useNotices.getState().dismissIssues();
    useNirDialogs.getState().showImport({ fileName: file.name, version, graph, nir });
  } catch (error) {
    if (isPlacedError(error)) fail(error.reason, error.path);
    else fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A NirFileError (`path` inside the file, `reason`), recognised by shape: importing the class
 * would pull the reader into the page's first chunk.
 */
function isPlacedError(error: unknown): error is { path: string; reason: string } {
  return (
    error instanceof Error &&
    typeof (error as { path?: unknown }).path === 'string' &&
    typeof (error as { reason?: unknown }).reason === 'string'
  );
}
