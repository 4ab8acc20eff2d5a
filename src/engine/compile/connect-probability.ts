/**
 * `fixed_probability`: each (source, target) pair is connected independently with probability p.
 *
 * Instead of one draw per pair (O(N^2), hopeless at 64k x 64k) each row jumps from one synapse to
 * the next by a geometric gap, `floor(ln u / ln(1 - p))`, which has exactly the distribution of
 * the number of failed Bernoulli(p) trials before a success. Cost is O(synapses + sources).
 * Row s draws from `stepKey(key, s)`, so rows are independent of each other and of build order.
 */
import { draw32, stepKey } from '../random.ts';
import { connectAllToAll } from './connect-dense.ts';
import { GrowableUint32, type SparseRows } from './sparse-rows.ts';

/**
 * Bernoulli(p) connectivity with geometric skipping.
 *
 * @param key `streamKey(seed, projectionIndex, PROJECTION_STREAM.connect)`
 * @example connectFixedProbability(4000, 4000, 0.02, true, true, key) // ~320k synapses
 */
export function connectFixedProbability(
  sourceSize: number,
  targetSize: number,
  p: number,
  allowSelf: boolean,
  samePopulation: boolean,
  key: number,
): SparseRows {
  if (p >= 1) return connectAllToAll(sourceSize, targetSize, allowSelf, samePopulation);
  const rowPtr = new Uint32Array(sourceSize + 1);
  if (p <= 0) return { rowPtr, targets: new Uint32Array(0) };
  const skipSelf = samePopulation && !allowSelf;
  const expected = sourceSize * targetSize * p;
  const targets = new GrowableUint32(expected + 6 * Math.sqrt(expected) + 16);
  const logFail = Math.log1p(-p);
  for (let s = 0; s < sourceSize; s++) {
    const rowKey = stepKey(key, s);
    let draw = 0;
    let t = -1;
    for (;;) {
      // u in (0, 1): the half offset keeps ln(u) finite.
      const u = (draw32(rowKey, draw++) + 0.5) * 2 ** -32;
      t += 1 + Math.floor(Math.log(u) / logFail);
      if (t >= targetSize) break;
      // Dropping the diagonal pair leaves every other pair independently Bernoulli(p).
      if (skipSelf && t === s) continue;
      targets.push(t);
    }
    rowPtr[s + 1] = targets.length;
  }
  return { rowPtr, targets: targets.finish() };
}
