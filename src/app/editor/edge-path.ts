/**
 * The path of a projection between two different populations: a cubic from the source's
 * right-hand handle to the target's left-hand handle, computed here (not by React Flow) so
 * backward edges can route around their nodes and the label can be placed. Two projections in opposite directions between nodes on different
 * rows cross at their midpoints, so their labels move apart sideways.
 */

/** Sideways shift of the label of each of two reciprocal projections, px. */
export const RECIPROCAL_SHIFT = 46;

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/** How far a backward projection swings out and below its nodes, px. */
const BACK_SWING = 110;
const BACK_DROP = 150;
/** Handles closer than this vertically are on one row: a backward edge would cross the nodes. */
const SAME_ROW = 140;

export function projectionPath(
  sourceX: number,
  sourceY: number,
  targetX: number,
  targetY: number,
  /** -1, 0 or 1: which way to shift the label (see RECIPROCAL_SHIFT). */
  labelSide: number,
): { path: string; labelX: number; labelY: number } {
  const dx = targetX - sourceX;
  let c1x: number, c1y: number, c2x: number, c2y: number;
  const dy = targetY - sourceY;
  if (dx < 0 && Math.abs(dy) < SAME_ROW) {
    // Backwards along a row (the target's input is left of the source's output): swing out
    // and pass below, so the edge does not run straight through both nodes.
    c1x = sourceX + BACK_SWING;
    c2x = targetX - BACK_SWING;
    c1y = sourceY + BACK_DROP;
    c2y = targetY + BACK_DROP;
  } else {
    // React Flow's bezier: control points level with the handles, half the distance out
    // going forwards, a gentle swing going back between rows.
    const offset = dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx);
    c1x = sourceX + offset;
    c2x = targetX - offset;
    c1y = sourceY;
    c2y = targetY;
  }
  return {
    path: `M ${sourceX},${sourceY} C ${c1x},${c1y} ${c2x},${c2y} ${targetX},${targetY}`,
    labelX: cubic(sourceX, c1x, c2x, targetX, 0.5) + labelSide * RECIPROCAL_SHIFT,
    labelY: cubic(sourceY, c1y, c2y, targetY, 0.5),
  };
}
