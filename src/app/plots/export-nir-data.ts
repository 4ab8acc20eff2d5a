/**
 * "Export NIR data": the recorded run's spikes and state traces as NIR graph data (HDF5, what
 * `nir.read_data` reads; the same file as `spikelab run --nir-data`). The writer and h5wasm
 * are loaded on first use; a failure is shown as an error toast.
 */
import { toRecording } from '../../store/session/export.ts';
import type { RunRecord } from '../../store/session/record.ts';
import { useNotices } from '../common/notices-store.ts';
import { downloadBytes } from '../interchange/download-bytes.ts';
import { fileStem } from './download.ts';

/** Builds the file of `record` and downloads it as `<network>.nir-data.h5`. */
export async function exportNirData(record: RunRecord): Promise<void> {
  try {
    const [{ recordingToNirData }, { writeNirDataFile }] = await Promise.all([
      import('../../model/interchange/nir/graph-data.ts'),
      import('../../model/interchange/nir/hdf5-data-write.ts'),
    ]);
    const data = recordingToNirData(record.document, toRecording(record));
    downloadBytes(`${fileStem(record.document.name)}.nir-data.h5`, await writeNirDataFile(data));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useNotices.getState().toast(`NIR data export failed: ${reason}`, 'error');
  }
}
