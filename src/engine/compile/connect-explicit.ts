/**
 * CSR rows of the `explicit` rule: its pairs are already in connection order (checked:
 * sources ascending, then targets, no repeats), so the rows are a count and a prefix sum, and
 * synapse k is pair k (explicit weights and delays line up without a permutation).
 */
import type { SparseRows } from './sparse-rows.ts';

/**
 * The rows of an explicit projection from a source of `sourceSize` neurons.
 *
 * @example connectExplicit({ sources: [0, 0, 2], targets: [1, 3, 0] }, 3).rowPtr // [0, 2, 2, 3]
 */
export function connectExplicit(
  pairs: { sources: readonly number[]; targets: readonly number[] },
  sourceSize: number,
): SparseRows {
  const rowPtr = new Uint32Array(sourceSize + 1);
  for (const s of pairs.sources) rowPtr[s + 1] = (rowPtr[s + 1] ?? 0) + 1;
  for (let s = 0; s < sourceSize; s++) rowPtr[s + 1] = (rowPtr[s + 1] ?? 0) + (rowPtr[s] ?? 0);
  return { rowPtr, targets: Uint32Array.from(pairs.targets) };
}
