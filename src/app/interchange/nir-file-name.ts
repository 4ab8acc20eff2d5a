import type { NetworkDocument } from '../../model/index.ts';
import { documentFileName } from '../../store/persistence/index.ts';

/** `My network` -> `my-network.nir`: the JSON file's stem, so both files sort together. */
export function nirFileName(doc: NetworkDocument): string {
  return documentFileName(doc).replace(/\.spikelab\.json$/, '.nir');
}
