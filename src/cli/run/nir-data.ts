/**
 * `spikelab run --nir-data FILE`: the run's spikes and state traces as NIR graph data (HDF5,
 * what `nir.read_data` reads; see src/model/interchange/nir/graph-data.ts), times in seconds.
 */
import { writeFile } from 'node:fs/promises';
import type { NetworkDocument } from '../../model/document.ts';
import { recordingToNirData } from '../../model/interchange/nir/graph-data.ts';
import { writeNirDataFile } from '../../model/interchange/nir/hdf5-data-write.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Recording } from './recording.ts';

/** Writes the NIR data file `path` (shown as `name` in an error). */
export async function writeNirData(
  doc: NetworkDocument,
  recording: Recording,
  path: string,
  name: string,
): Promise<void> {
  const bytes = await writeNirDataFile(recordingToNirData(doc, recording));
  // Bytes, not text: CliIo.writeFile writes UTF-8, so this one goes to the file system directly.
  await writeFile(path, bytes).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot write '${name}': ${reason}`, EXIT.runFailed);
  });
}
