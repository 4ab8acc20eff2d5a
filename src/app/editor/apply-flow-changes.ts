/**
 * Translating React Flow's change events into document edits and selection updates. The
 * canvas is fully controlled: React Flow proposes, the document store decides.
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { CanvasPosition } from '../../model/index.ts';
import type { Selection } from '../../store/document/index.ts';
import type { CanvasEdge, PopulationFlowNode } from './flow-types.ts';
import { ratesEdgeLayer } from './rates-edge-id.ts';

/** New positions proposed by a drag or an arrow-key nudge, rounded to whole pixels. */
export function positionMoves(changes: readonly NodeChange<PopulationFlowNode>[]): {
  moves: { id: string; position: CanvasPosition }[];
  dragging: boolean;
} {
  const moves: { id: string; position: CanvasPosition }[] = [];
  let dragging = false;
  for (const change of changes) {
    if (change.type !== 'position' || change.position === undefined) continue;
    if (change.dragging === true) dragging = true;
    moves.push({
      id: change.id,
      position: { x: Math.round(change.position.x), y: Math.round(change.position.y) },
    });
  }
  return { moves, dragging };
}

function toggle(ids: readonly string[], changes: { id: string; selected: boolean }[]): string[] {
  const set = new Set(ids);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

/** The selection after React Flow's select changes of nodes; `null` when none were proposed. */
export function nodeSelection(
  selection: Selection,
  changes: readonly NodeChange<PopulationFlowNode>[],
): Selection | null {
  const picks = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
  if (picks.length === 0) return null;
  return { ...selection, populations: toggle(selection.populations, picks) };
}

/**
 * The selection after React Flow's select changes of edges; `null` when none were proposed.
 * An edge is a projection if `projectionIds` has its id, else a rates input by its id's form.
 */
export function edgeSelection(
  selection: Selection,
  changes: readonly EdgeChange<CanvasEdge>[],
  projectionIds: ReadonlySet<string>,
): Selection | null {
  const picks = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
  if (picks.length === 0) return null;
  const projections = picks.filter((c) => projectionIds.has(c.id));
  const rates = picks.flatMap((c) => {
    const layer = projectionIds.has(c.id) ? null : ratesEdgeLayer(c.id);
    return layer === null ? [] : [{ id: layer, selected: c.selected }];
  });
  const next: Selection = {
    ...selection,
    projections: toggle(selection.projections, projections),
  };
  const rateInputs = toggle(selection.rateInputs ?? [], rates);
  if (rateInputs.length > 0) next.rateInputs = rateInputs;
  else delete next.rateInputs;
  return next;
}
