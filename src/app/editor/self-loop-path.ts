/**
 * The path of a self-projection: from the node's source handle (right side) up over the node
 * and back into its target handle (left side), so a recurrent edge reads as a loop instead of
 * a line drawn through its own node.
 */

/** How high above the handles the loop rises, px. */
const LOOP_RISE = 120;
/** How far outside the node the loop swings, px. */
const LOOP_SWING = 70;

export function selfLoopPath(
  sourceX: number,
  sourceY: number,
  targetX: number,
  targetY: number,
): { path: string; labelX: number; labelY: number } {
  const c1x = sourceX + LOOP_SWING;
  const c2x = targetX - LOOP_SWING;
  const cy1 = sourceY - LOOP_RISE;
  const cy2 = targetY - LOOP_RISE;
  const path = `M ${sourceX},${sourceY} C ${c1x},${cy1} ${c2x},${cy2} ${targetX},${targetY}`;
  // The cubic Bezier at t = 1/2: (P0 + 3 P1 + 3 P2 + P3) / 8.
  const labelX = (sourceX + 3 * c1x + 3 * c2x + targetX) / 8;
  const labelY = (sourceY + 3 * cy1 + 3 * cy2 + targetY) / 8;
  return { path, labelX, labelY };
}
