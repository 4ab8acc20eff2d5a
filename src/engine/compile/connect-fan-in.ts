/**
 * `fixed_fan_in`: every target receives exactly k distinct sources, drawn without replacement.
 *
 * Built by target (Floyd's sampling algorithm: k draws, no rejection loop, uniform over all
 * k-subsets), then transposed into CSR by source. Walking targets in ascending order while
 * scattering makes every row's targets ascending without a sort. Target t draws from
 * `stepKey(key, t)`.
 */
import { draw32, stepKey } from '../random.ts';
import type { SparseRows } from './sparse-rows.ts';

/**
 * Exactly `k` distinct sources per target (fewer only if fewer candidates exist).
 *
 * @param key `streamKey(seed, projectionIndex, PROJECTION_STREAM.connect)`
 * @example connectFixedFanIn(100, 50, 10, false, false, key) // 500 synapses
 */
export function connectFixedFanIn(
  sourceSize: number,
  targetSize: number,
  k: number,
  allowSelf: boolean,
  samePopulation: boolean,
  key: number,
): SparseRows {
  const sourcesByTarget = new Uint32Array(targetSize * Math.min(Math.max(0, k), sourceSize));
  const fanIn = new Uint32Array(targetSize);
  // stamp[s] === t + 1 marks source s as already drawn for target t; no clearing between targets.
  const stamp = new Uint32Array(sourceSize);
  let filled = 0;
  for (let t = 0; t < targetSize; t++) {
    const excludeSelf = samePopulation && !allowSelf && t < sourceSize;
    const candidates = excludeSelf ? sourceSize - 1 : sourceSize;
    const want = Math.min(Math.max(0, k), candidates);
    const rowKey = stepKey(key, t);
    const mark = t + 1;
    // Floyd: for i in [n-want, n): pick r in [0, i]; if taken, take i instead.
    for (let i = candidates - want, draw = 0; i < candidates; i++, draw++) {
      const r = Math.floor(draw32(rowKey, draw) * 2 ** -32 * (i + 1));
      let source = candidateToSource(r, t, excludeSelf);
      if (stamp[source] === mark) source = candidateToSource(i, t, excludeSelf);
      stamp[source] = mark;
      sourcesByTarget[filled++] = source;
    }
    fanIn[t] = want;
  }
  return transposeByTarget(sourcesByTarget.subarray(0, filled), fanIn, sourceSize, targetSize);
}

/** Candidate index -> source index, skipping the target itself when self is excluded. */
function candidateToSource(candidate: number, target: number, excludeSelf: boolean): number {
  return excludeSelf && candidate >= target ? candidate + 1 : candidate;
}

/** CSR by source from per-target lists laid out back to back (target order ascending). */
function transposeByTarget(
  sources: Uint32Array,
  fanIn: Uint32Array,
  sourceSize: number,
  targetSize: number,
): SparseRows {
  const rowPtr = new Uint32Array(sourceSize + 1);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] ?? 0;
    rowPtr[s + 1] = (rowPtr[s + 1] ?? 0) + 1;
  }
  for (let s = 0; s < sourceSize; s++) rowPtr[s + 1] = (rowPtr[s + 1] ?? 0) + (rowPtr[s] ?? 0);
  const cursor = rowPtr.slice(0, sourceSize);
  const targets = new Uint32Array(sources.length);
  let e = 0;
  for (let t = 0; t < targetSize; t++) {
    const n = fanIn[t] ?? 0;
    for (let m = 0; m < n; m++) {
      const s = sources[e++] ?? 0;
      targets[cursor[s] ?? 0] = t;
      cursor[s] = (cursor[s] ?? 0) + 1;
    }
  }
  return { rowPtr, targets };
}
