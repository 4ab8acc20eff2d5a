/**
 * The document the Hardware panel runs for its comparison: the network as it is, recording the
 * spikes of every population (and nothing else), so both runs give every population's rate
 * and raster whatever probes the user set.
 */
import type { NetworkDocument, Probe } from '../../model/document.ts';
import { documentIds, uniqueId } from '../../model/index.ts';

/** `doc` with one spikes probe per population and no other probe. */
export function withSpikeProbes(doc: NetworkDocument): NetworkDocument {
  const taken = documentIds(doc);
  const probes: Probe[] = doc.populations.map((p) => {
    const id = uniqueId(`${p.id}_hw_spikes`, taken);
    taken.add(id);
    return { id, kind: 'spikes', population: p.id };
  });
  return { ...doc, probes };
}
