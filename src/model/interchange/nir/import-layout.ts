/** Canvas positions for imported populations: one column per depth from the inputs. */
import type { CanvasPosition } from '../../document.ts';

/**
 * Depth = the fewest projections from an input (populations no path reaches get depth 0), one
 * column of 240 px per depth, 140 px between the populations of a column.
 */
export function layoutColumns(
  names: readonly string[],
  links: readonly { from: string; to: string }[],
  roots: ReadonlySet<string>,
): Map<string, CanvasPosition> {
  const depth = new Map<string, number>();
  const queue = names.filter((n) => roots.has(n));
  queue.forEach((n) => depth.set(n, 0));
  for (let i = 0; i < queue.length; i += 1) {
    const at = queue[i] ?? '';
    for (const link of links) {
      if (link.from === at && !depth.has(link.to)) {
        depth.set(link.to, (depth.get(at) ?? 0) + 1);
        queue.push(link.to);
      }
    }
  }
  const rows = new Map<number, number>();
  const positions = new Map<string, CanvasPosition>();
  for (const name of names) {
    const d = depth.get(name) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    positions.set(name, { x: 80 + 240 * d, y: 80 + 140 * row });
  }
  return positions;
}
