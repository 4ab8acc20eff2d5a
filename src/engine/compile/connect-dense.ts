/**
 * Deterministic connectivity rules: no random draws, so every backend and every run agree
 * trivially. Rows are built directly in CSR order (targets ascending).
 */
import type { SparseRows } from './sparse-rows.ts';

/**
 * Every source to every target; with `allowSelf` false and `samePopulation` true the diagonal
 * (s -> s) is left out.
 *
 * @example connectAllToAll(3, 3, false, true) // rows [1,2] [0,2] [0,1]
 */
export function connectAllToAll(
  sourceSize: number,
  targetSize: number,
  allowSelf: boolean,
  samePopulation: boolean,
): SparseRows {
  const skipSelf = samePopulation && !allowSelf;
  const rowPtr = new Uint32Array(sourceSize + 1);
  let total = 0;
  for (let s = 0; s < sourceSize; s++) {
    total += skipSelf && s < targetSize ? targetSize - 1 : targetSize;
    rowPtr[s + 1] = total;
  }
  const targets = new Uint32Array(total);
  let e = 0;
  for (let s = 0; s < sourceSize; s++) {
    for (let t = 0; t < targetSize; t++) {
      if (skipSelf && t === s) continue;
      targets[e++] = t;
    }
  }
  return { rowPtr, targets };
}

/**
 * Source i to target i, for i below the smaller of the two sizes.
 *
 * @example connectOneToOne(3, 2) // rows [0] [1] []
 */
export function connectOneToOne(sourceSize: number, targetSize: number): SparseRows {
  const n = Math.min(sourceSize, targetSize);
  const rowPtr = new Uint32Array(sourceSize + 1);
  const targets = new Uint32Array(n);
  for (let s = 0; s < sourceSize; s++) {
    if (s < n) targets[s] = s;
    rowPtr[s + 1] = Math.min(s + 1, n);
  }
  return { rowPtr, targets };
}
