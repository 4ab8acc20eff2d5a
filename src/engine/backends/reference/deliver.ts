/**
 * Step 5 of CONTEXT.md for one projection: every synapse whose source spiked at step t - d adds
 * its weight to the destination, sources ascending, synapses in CSR order, so float sums are
 * accumulated in the one order every backend uses.
 */
import type { ProjectionPlan } from '../../plan.ts';
import type { SpikeHistory } from './spike-history.ts';

const f = Math.fround;

/**
 * Deliver the events of one projection arriving at step t into `dest` (the target's V for
 * `delta`, the channel's current otherwise). Returns false if some sum was not finite (an
 * overflow), so the caller runs the full check of step 7. `weights` are the plan's, or the
 * run's own copy for a projection whose weights change (CONTEXT.md steps 5e, 5f).
 */
export function deliverProjection(
  projection: ProjectionPlan,
  history: SpikeHistory,
  t: number,
  dest: Float32Array,
  weights: Float32Array | { constant: number } = projection.csr.weights,
): boolean {
  const { delays } = projection.csr;
  if (delays instanceof Uint8Array) {
    return deliverPerSynapseDelay(projection, weights, delays, history, t, dest);
  }
  const from = t - delays.constant;
  if (from < 0) return true;
  return deliverSources(projection, weights, history.list(from), history.count(from), dest);
}

function deliverSources(
  projection: ProjectionPlan,
  weights: Float32Array | { constant: number },
  sources: Uint32Array,
  count: number,
  dest: Float32Array,
): boolean {
  const { rowPtr, targets } = projection.csr;
  // x - x is 0 for finite x, NaN otherwise; summing the residues costs one add per event.
  let residue = 0;
  if (weights instanceof Float32Array) {
    for (let k = 0; k < count; k++) {
      const s = sources[k] as number;
      const end = rowPtr[s + 1] as number;
      for (let e = rowPtr[s] as number; e < end; e++) {
        const j = targets[e] as number;
        const x = f((dest[j] as number) + (weights[e] as number));
        dest[j] = x;
        residue += x - x;
      }
    }
    return residue === 0;
  }
  const w = weights.constant;
  for (let k = 0; k < count; k++) {
    const s = sources[k] as number;
    const end = rowPtr[s + 1] as number;
    for (let e = rowPtr[s] as number; e < end; e++) {
      const j = targets[e] as number;
      const x = f((dest[j] as number) + w);
      dest[j] = x;
      residue += x - x;
    }
  }
  return residue === 0;
}

/** Sources that spiked anywhere in the delay window, ascending; each synapse checks its own d. */
function deliverPerSynapseDelay(
  projection: ProjectionPlan,
  weights: Float32Array | { constant: number },
  delays: Uint8Array,
  history: SpikeHistory,
  t: number,
  dest: Float32Array,
): boolean {
  const { rowPtr, targets } = projection.csr;
  let residue = 0;
  const [sources, count] = history.sourcesInWindow(t - projection.maxDelay, t);
  for (let k = 0; k < count; k++) {
    const s = sources[k] as number;
    const end = rowPtr[s + 1] as number;
    for (let e = rowPtr[s] as number; e < end; e++) {
      const from = t - (delays[e] as number);
      if (from < 0 || !history.spikedAt(from, s)) continue;
      const w = weights instanceof Float32Array ? (weights[e] as number) : weights.constant;
      const j = targets[e] as number;
      const x = f((dest[j] as number) + w);
      dest[j] = x;
      residue += x - x;
    }
  }
  return residue === 0;
}
