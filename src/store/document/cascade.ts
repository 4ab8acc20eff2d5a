/**
 * Deleting populations must not leave dangling references: the document stays valid after
 * every edit, so projections, stimuli and probes of a removed population go with it, and SC
 * dense layers that read its rates go back to constant inputs, in the same edit (and therefore
 * the same undo entry).
 */
import type { NetworkDocument } from '../../model/document.ts';
import { isPopulationProbe } from '../../model/document.ts';
import { cutRateInputs } from './sc-inputs.ts';

/**
 * Removes the populations and projections listed, and everything that refers to a removed
 * population; the layers in `rateInputIds` (and those whose rates source is removed) get
 * constant inputs instead of rates.
 */
export function removeNodes(
  doc: NetworkDocument,
  populationIds: readonly string[],
  projectionIds: readonly string[],
  rateInputIds: readonly string[] = [],
): NetworkDocument {
  const removed = removeItems(doc, populationIds, projectionIds);
  return cutRateInputs(removed, new Set(rateInputIds));
}

function removeItems(
  doc: NetworkDocument,
  populationIds: readonly string[],
  projectionIds: readonly string[],
): NetworkDocument {
  const pops = new Set(populationIds);
  const projs = new Set(projectionIds);
  const populations = doc.populations.filter((p) => !pops.has(p.id));
  const projections = doc.projections.filter(
    (p) => !projs.has(p.id) && !pops.has(p.source) && !pops.has(p.target),
  );
  const stimuli = doc.stimuli.filter((s) => !pops.has(s.target));
  const kept = new Set(projections.map((p) => p.id));
  // A synapse probe goes with its projection, whether that was removed or lost an end.
  const probes = doc.probes.filter((p) =>
    isPopulationProbe(p) ? !pops.has(p.population) : kept.has(p.projection),
  );
  if (
    populations.length === doc.populations.length &&
    projections.length === doc.projections.length
  ) {
    return doc;
  }
  return { ...doc, populations, projections, stimuli, probes };
}
