/**
 * A sweep's variant documents: the base document with the swept number written through
 * `writeParam` (the one way the app changes a number by path), and a spikes probe on the
 * measured population if the document has none (a probe records, it draws nothing, so the
 * network's random draws are unchanged).
 */
import type { NetworkDocument } from '../../model/document.ts';
import { writeParam, type ParamPath } from '../../model/param-path.ts';

/** The id given to the probe a sweep adds; a document's own probe on the population is used first. */
export const SWEEP_PROBE_ID = 'sweep-spikes';

export class SweepPopulationError extends Error {
  override readonly name = 'SweepPopulationError';
}

/**
 * @example variantDocuments(doc, 'stimuli/drive/amplitude', [1, 2], 'exc').length // 2
 */
export function variantDocuments(
  doc: NetworkDocument,
  path: ParamPath,
  values: readonly number[],
  population: string,
): NetworkDocument[] {
  if (!doc.populations.some((p) => p.id === population)) {
    throw new SweepPopulationError(
      `the sweep measures population '${population}': no such population`,
    );
  }
  const probed = withSpikeProbe(doc, population);
  return values.map((value) => writeParam(probed, path, value));
}

function withSpikeProbe(doc: NetworkDocument, population: string): NetworkDocument {
  const has = doc.probes.some((p) => p.kind === 'spikes' && p.population === population);
  if (has) return doc;
  let id = SWEEP_PROBE_ID;
  while (doc.probes.some((p) => p.id === id)) id = `${id}-`;
  return { ...doc, probes: [...doc.probes, { id, kind: 'spikes', population }] };
}
