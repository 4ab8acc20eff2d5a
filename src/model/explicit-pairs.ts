/**
 * The `explicit` connectivity rule lists its synapses as (source, target) pairs. They must be in
 * connection order (sources ascending, then targets ascending, no pair twice), so that a pair's
 * index is its synapse index everywhere: explicit weights and delays, synapse probes, learned
 * weights written back. `sortPairs` puts any list (e.g. from a NIR file) in that order.
 */

/**
 * The first pair out of connection order, or undefined when all are in order.
 *
 * @example pairOrderProblem([0, 0, 1], [2, 1, 0]) // { index: 1, reason: 'comes after 0 -> 2' }
 */
export function pairOrderProblem(
  sources: readonly number[],
  targets: readonly number[],
): { index: number; reason: string } | undefined {
  for (let k = 1; k < sources.length; k++) {
    const s = sources[k] ?? 0;
    const t = targets[k] ?? 0;
    const ps = sources[k - 1] ?? 0;
    const pt = targets[k - 1] ?? 0;
    if (s < ps || (s === ps && t < pt)) return { index: k, reason: `comes after ${ps} -> ${pt}` };
    if (s === ps && t === pt) return { index: k, reason: `repeats pair ${k - 1}` };
  }
  return undefined;
}

/**
 * The pairs in connection order, with each per-pair list (weights, delays) moved along.
 * Repeated pairs are kept (the checks then name them).
 *
 * @example sortPairs([1, 0], [0, 3], [[0.5, 0.7]]) // { sources: [0, 1], targets: [3, 0], lists: [[0.7, 0.5]] }
 */
export function sortPairs(
  sources: readonly number[],
  targets: readonly number[],
  lists: readonly (readonly number[])[] = [],
): { sources: number[]; targets: number[]; lists: number[][] } {
  const order = Array.from(sources, (_, k) => k);
  // Array.prototype.sort is stable, so equal pairs keep their relative order.
  order.sort(
    (a, b) => (sources[a] ?? 0) - (sources[b] ?? 0) || (targets[a] ?? 0) - (targets[b] ?? 0),
  );
  return {
    sources: order.map((k) => sources[k] ?? 0),
    targets: order.map((k) => targets[k] ?? 0),
    lists: lists.map((list) => order.map((k) => list[k] ?? 0)),
  };
}
