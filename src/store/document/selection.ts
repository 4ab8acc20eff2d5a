/**
 * What the editor has selected: populations (nodes), projections (edges), and the rates inputs
 * of SC dense layers (also drawn as edges), by id.
 */
import type { NetworkDocument } from '../../model/document.ts';
import { rateInputLayers } from './sc-inputs.ts';

export interface Selection {
  populations: readonly string[];
  projections: readonly string[];
  /**
   * SC dense layers whose rates input (the edge from its source) is selected, by layer id.
   * Optional so that selecting nodes and projections reads as before; absent means none.
   */
  rateInputs?: readonly string[];
}

export const emptySelection: Selection = { populations: [], projections: [] };

/** The selected rates inputs (none when the field is absent). */
export function selectedRateInputs(selection: Selection): readonly string[] {
  return selection.rateInputs ?? [];
}

export function isSelectionEmpty(selection: Selection): boolean {
  return (
    selection.populations.length === 0 &&
    selection.projections.length === 0 &&
    selectedRateInputs(selection).length === 0
  );
}

/** Drops ids that no longer exist (after a delete, an undo, a load); keeps the object if none did. */
export function pruneSelection(selection: Selection, doc: NetworkDocument): Selection {
  const pops = new Set(doc.populations.map((p) => p.id));
  const projs = new Set(doc.projections.map((p) => p.id));
  const inputs = new Set(rateInputLayers(doc));
  const populations = selection.populations.filter((id) => pops.has(id));
  const projections = selection.projections.filter((id) => projs.has(id));
  const rateInputs = selectedRateInputs(selection).filter((id) => inputs.has(id));
  if (
    populations.length === selection.populations.length &&
    projections.length === selection.projections.length &&
    rateInputs.length === selectedRateInputs(selection).length
  ) {
    return selection;
  }
  return rateInputs.length === 0
    ? { populations, projections }
    : { populations, projections, rateInputs };
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
