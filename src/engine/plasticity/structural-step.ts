/**
 * Structural plasticity (CONTEXT.md step 5f), pure and backend-free so that every backend runs
 * the same interval step on its weights: the reference calls it directly and the wasm runner
 * calls it on its copy of the weights (the step runs once per interval, so the host is fast
 * enough and bit-exactness comes for free).
 */

import { draw24, stepKey, uniformFromBits } from '../random.ts';
import type { StructuralPlan } from '../plan-plasticity.ts';

const TWO_24 = 16777216;

/**
 * Prunes and grows the synapses of one projection at step `t` when `(t + 1) mod
 * intervalSteps == 0` (otherwise does nothing), in place on `weights` (CSR order).
 *
 * Weights with |w| < pruneBelow become 0 (counting those already at 0, as sc-neurocore does);
 * then `min(pruned, growMax, zeros)` of the zero-weight synapses, picked by a partial
 * Fisher-Yates shuffle over the seeded draws of step t, grow a uniform weight in
 * [growLow, growLow + growSpan).
 *
 * @example
 * structuralUpdate(weights, plan.projections[k].plasticity.structural, t);
 */
export function structuralUpdate(weights: Float32Array, plan: StructuralPlan, t: number): void {
  if ((t + 1) % plan.intervalSteps !== 0) return;
  const n = weights.length;
  let pruned = 0;
  let zeroCount = 0;
  for (let e = 0; e < n; e++) {
    const w = weights[e] ?? 0;
    if (Math.abs(w) < plan.pruneBelow) {
      weights[e] = 0;
      pruned++;
    }
    if (weights[e] === 0) zeroCount++;
  }
  const grow = Math.min(pruned, plan.growMax, zeroCount);
  if (grow === 0) return;
  const zeros = new Uint32Array(zeroCount);
  let z = 0;
  for (let e = 0; e < n; e++) if (weights[e] === 0) zeros[z++] = e;
  const kp = stepKey(plan.pickKey, t);
  const kw = stepKey(plan.weightKey, t);
  for (let i = 0; i < grow; i++) {
    // draw24 * (remaining) < 2^24 * 2^32, well inside the exact range of a double.
    const r = i + Math.floor((draw24(kp, i) * (zeroCount - i)) / TWO_24);
    const picked = zeros[r] ?? 0;
    zeros[r] = zeros[i] ?? 0;
    zeros[i] = picked;
    const u = uniformFromBits(draw24(kw, i));
    weights[picked] = Math.fround(plan.growLow + Math.fround(plan.growSpan * u));
  }
}
