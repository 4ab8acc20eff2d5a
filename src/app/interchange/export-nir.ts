/**
 * Export NIR: the editor's network as a NIR graph, written to HDF5 and downloaded as
 * `<name>.nir`; the report (what NIR cannot express) is shown after the download.
 */
import { documentStore } from '../../store/document/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { downloadBytes } from './download-bytes.ts';
import { useNirDialogs } from './nir-dialog-store.ts';
import { nirFileName } from './nir-file-name.ts';
import { loadNirExport } from './nir-module.ts';

/** Exports the current network; a failure is a toast naming the reason, nothing is downloaded. */
export async function exportCurrentNetworkAsNir(): Promise<void> {
  const doc = documentStore.getState().document;
  const fileName = nirFileName(doc);
  try {
    const nir = await loadNirExport();
    const { graph, report } = nir.exportNir(doc);
    const bytes = await nir.writeNirFile(graph);
    downloadBytes(fileName, bytes);
    useNirDialogs.getState().showExport({ fileName, report });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useNotices.getState().toast(`Could not export ${fileName}: ${reason}`, 'error');
  }
}
