/**
 * Copy/paste and duplicate: a fragment is a self-contained piece of a document (populations,
 * the projections among them, and their stimuli and probes). Inserting one gives every item a
 * fresh id and rewires references through the id map, so a paste never aliases the original.
 */
import type {
  CanvasPosition,
  NetworkDocument,
  Population,
  Probe,
  Projection,
  Stimulus,
} from '../../model/document.ts';
import { documentIds, isPopulationProbe, uniqueId } from '../../model/index.ts';
import { constantInputs, isScDense, withInputs } from './sc-inputs.ts';

export interface Fragment {
  populations: Population[];
  projections: Projection[];
  stimuli: Stimulus[];
  probes: Probe[];
}

export interface InsertResult {
  document: NetworkDocument;
  /** Ids of the inserted populations and projections, for selecting what was pasted. */
  populationIds: string[];
  projectionIds: string[];
}

/** Every id in use in the document (one namespace for all kinds of item). */
export function takenIds(doc: NetworkDocument): Set<string> {
  return documentIds(doc);
}

/**
 * The populations listed, every projection among them (listed or not, because a copy of two
 * connected nodes is expected to stay connected), and their stimuli and probes.
 */
export function extractFragment(doc: NetworkDocument, populationIds: readonly string[]): Fragment {
  const chosen = new Set(populationIds);
  const among = doc.projections.filter((p) => chosen.has(p.source) && chosen.has(p.target));
  const projections = new Set(among.map((p) => p.id));
  return {
    populations: doc.populations.filter((p) => chosen.has(p.id)),
    projections: among,
    stimuli: doc.stimuli.filter((s) => chosen.has(s.target)),
    probes: doc.probes.filter((p) =>
      isPopulationProbe(p) ? chosen.has(p.population) : projections.has(p.projection),
    ),
  };
}

/** `exc_3` -> `exc`: a copy is named after what it copies, not after the copy's own counter. */
function idStem(id: string): string {
  const stem = id.replace(/[_-]?\d+$/, '');
  return stem === '' ? id : stem;
}

/** Inserts `fragment` into `doc` with fresh ids, positions shifted by `offset`. */
export function insertFragment(
  doc: NetworkDocument,
  fragment: Fragment,
  offset: CanvasPosition,
): InsertResult {
  const taken = takenIds(doc);
  const fresh = (id: string): string => {
    const next = uniqueId(idStem(id), taken);
    taken.add(next);
    return next;
  };
  const popMap = new Map<string, string>();
  for (const p of fragment.populations) popMap.set(p.id, fresh(p.id));
  const mapPop = (id: string): string | undefined => popMap.get(id);

  const populations = fragment.populations.map((p): Population => ({
    ...p,
    id: popMap.get(p.id) ?? p.id,
    position: { x: p.position.x + offset.x, y: p.position.y + offset.y },
  }));
  const projections: Projection[] = [];
  const projMap = new Map<string, string>();
  for (const proj of fragment.projections) {
    const source = mapPop(proj.source);
    const target = mapPop(proj.target);
    // A projection whose end was not copied would point at the original: drop it instead.
    if (source === undefined || target === undefined) continue;
    const id = fresh(proj.id);
    projMap.set(proj.id, id);
    projections.push({ ...proj, id, source, target });
  }
  const stimuli: Stimulus[] = [];
  for (const s of fragment.stimuli) {
    const target = mapPop(s.target);
    if (target !== undefined) stimuli.push({ ...s, id: fresh(s.id), target });
  }
  const probes: Probe[] = [];
  for (const p of fragment.probes) {
    if (isPopulationProbe(p)) {
      const population = mapPop(p.population);
      if (population !== undefined) probes.push({ ...p, id: fresh(p.id), population });
    } else {
      const projection = projMap.get(p.projection);
      if (projection !== undefined) probes.push({ ...p, id: fresh(p.id), projection });
    }
  }
  const inserted: NetworkDocument = {
    ...doc,
    populations: [...doc.populations, ...populations],
    projections: [...doc.projections, ...projections],
    stimuli: [...doc.stimuli, ...stimuli],
    probes: [...doc.probes, ...probes],
  };
  const insertedIds = new Set(populations.map((p) => p.id));
  const originalIds = new Set(doc.populations.map((p) => p.id));
  return {
    document: rewireRateInputs(inserted, insertedIds, popMap, originalIds),
    populationIds: populations.map((p) => p.id),
    projectionIds: projections.map((p) => p.id),
  };
}

/**
 * SC dense layers among the inserted ones that read rates: a source copied with them becomes
 * the copy; one left behind stays their source if it is still in the document (a duplicated
 * layer 2 still listens to layer 1), else they fall back to constant inputs. Weights follow
 * the source's current size, which may have changed since the copy.
 */
function rewireRateInputs(
  doc: NetworkDocument,
  insertedIds: ReadonlySet<string>,
  popMap: ReadonlyMap<string, string>,
  present: ReadonlySet<string>,
): NetworkDocument {
  let changed = false;
  const populations = doc.populations.map((p) => {
    if (!insertedIds.has(p.id) || !isScDense(p) || p.params.inputs.kind !== 'rates') return p;
    const inputs = p.params.inputs;
    const source = popMap.get(inputs.source) ?? (present.has(inputs.source) ? inputs.source : null);
    const next =
      source === null
        ? withInputs(doc, p, constantInputs(p.params))
        : withInputs(doc, p, { ...inputs, source });
    if (next !== p) changed = true;
    return next;
  });
  return changed ? { ...doc, populations } : doc;
}
