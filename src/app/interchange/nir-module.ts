/**
 * The NIR reader, writer and mapping, loaded on first use: h5wasm's WebAssembly is megabytes
 * that a lab session which never touches NIR should not download.
 */
import type { NirGraph } from '../../model/interchange/nir/graph.ts';
import type { NirImportOptions, NirImportResult } from '../../model/interchange/nir/import.ts';
import type { NirReport } from '../../model/interchange/nir/report.ts';
import { validateDocument, type NetworkDocument } from '../../model/index.ts';

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

/** What Export NIR needs: the mapping from a document and the writer. */
export interface NirExportModule {
  /** With compile's draws, so random connectivity, weights and delays export as the run draws them. */
  exportNir: (doc: NetworkDocument) => { graph: NirGraph; report: NirReport };
  writeNirFile: (graph: NirGraph, version?: string) => Promise<Uint8Array>;
}

let loadingExport: Promise<NirExportModule> | null = null;

/**
 * The compiled plan of the validated network (as `spikelab export-nir` passes it), or nothing
 * for a network the validator or compile refuses: the export then lists its random parts as not
 * expressed instead of failing whole.
 */
function drawnOrNone<P>(compile: (doc: NetworkDocument) => P, doc: NetworkDocument): P | undefined {
  const valid = validateDocument(doc);
  if (!valid.ok) return undefined;
  try {
    return compile(valid.document);
  } catch {
    return undefined;
  }
}

/** The export functions, fetched on first use like the import's. */
export function loadNirExport(): Promise<NirExportModule> {
  loadingExport ??= Promise.all([
    import('../../model/interchange/nir/graph.ts'),
    import('../../model/interchange/nir/export.ts'),
    import('../../engine/compile/index.ts'),
  ]).then(([graph, exporter, { compile }]) => ({
    exportNir: (doc: NetworkDocument) => {
      const drawn = drawnOrNone(compile, doc);
      return exporter.exportNir(doc, drawn === undefined ? {} : { drawn });
    },
    writeNirFile: graph.writeNirFile,
  }));
  loadingExport.catch(() => {
    loadingExport = null;
  });
  return loadingExport;
}
