/** What the editor has selected: populations (nodes) and projections (edges), by id. */
import type { NetworkDocument } from '../../model/document.ts';

export interface Selection {
  populations: readonly string[];
  projections: readonly string[];
}

export const emptySelection: Selection = { populations: [], projections: [] };

export function isSelectionEmpty(selection: Selection): boolean {
  return selection.populations.length === 0 && selection.projections.length === 0;
}

/** Drops ids that no longer exist (after a delete, an undo, a load); keeps the object if none did. */
export function pruneSelection(selection: Selection, doc: NetworkDocument): Selection {
  const pops = new Set(doc.populations.map((p) => p.id));
  const projs = new Set(doc.projections.map((p) => p.id));
  const populations = selection.populations.filter((id) => pops.has(id));
  const projections = selection.projections.filter((id) => projs.has(id));
  if (
    populations.length === selection.populations.length &&
    projections.length === selection.projections.length
  ) {
    return selection;
  }
  return { populations, projections };
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
