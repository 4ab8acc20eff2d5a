/**
 * The NIR reader, writer and mapping, loaded on first use: h5wasm's WebAssembly is megabytes
 * that a lab session which never touches NIR should not download.
 */
import type { NirGraph } from '../../model/interchange/nir/graph.ts';
import type { NirImportOptions, NirImportResult } from '../../model/interchange/nir/import.ts';

/** What opening a `.nir` file needs: the reader and the mapping to a document. */
export interface NirImportModule {
  readNirFile: (bytes: Uint8Array) => Promise<{ version: string; graph: NirGraph }>;
  importNir: (graph: NirGraph, options: NirImportOptions) => NirImportResult;
}

let loadingImport: Promise<NirImportModule> | null = null;

/** The import functions; the first call fetches their chunk, later calls share it. */
export function loadNirImport(): Promise<NirImportModule> {
  loadingImport ??= Promise.all([
    import('../../model/interchange/nir/graph.ts'),
    import('../../model/interchange/nir/import.ts'),
  ]).then(([graph, importer]) => ({
    readNirFile: graph.readNirFile,
    importNir: importer.importNir,
  }));
  // A failed load (a chunk the network lost) must not stick: the next attempt tries again.
  loadingImport.catch(() => {
    loadingImport = null;
  });
  return loadingImport;
}
