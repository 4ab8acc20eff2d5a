/**
 * Tsodyks-Markram short-term plasticity on the reference backend (CONTEXT.md step 3b): every
 * step each source's resources recover and its utilisation relaxes, a spike releases `u * x`
 * into the ring slot of its step, and step 5 delivers `w * release` of the slot of step t - d.
 */
import type { ProjectionPlan } from '../../plan.ts';
import type { StpState } from './plasticity-state.ts';
import type { SpikeHistory } from './spike-history.ts';

const f = Math.fround;

/**
 * Step 3b for one projection at step t, after its source's spikes of t are in `history`.
 *
 * @example advanceStp(state.stp, sourceHistory, t);
 */
export function advanceStp(stp: StpState, history: SpikeHistory, t: number): void {
  const { x, u, release } = stp;
  const { U, kd, kf } = stp.plan;
  const slot = release[t % release.length] as Float32Array;
  const spikes = history.list(t);
  const count = history.count(t);
  let k = 0;
  for (let s = 0; s < x.length; s++) {
    let xs = f((x[s] as number) + f(kd * f(1 - (x[s] as number))));
    let us = f((u[s] as number) + f(kf * f(U - (u[s] as number))));
    let rel = 0;
    // The spike list is ascending, so one pointer walks it alongside s.
    if (k < count && spikes[k] === s) {
      k++;
      us = f(us + f(U * f(1 - us)));
      rel = f(us * xs);
      xs = f(xs - rel);
    }
    x[s] = xs;
    u[s] = us;
    slot[s] = rel;
  }
}

/**
 * Step 5 for a projection with STP: each event delivers `w * release[(t - d) mod ring][s]`
 * (float32) in the order of `deliverProjection`. Returns false if a sum was not finite.
 *
 * @param weights the run's weights (per synapse) or the plan's shared constant
 */
export function deliverWithRelease(
  projection: ProjectionPlan,
  weights: Float32Array | { constant: number },
  release: readonly Float32Array[],
  history: SpikeHistory,
  t: number,
  dest: Float32Array,
): boolean {
  const { rowPtr, targets, delays } = projection.csr;
  const ring = release.length;
  const perSynapse = weights instanceof Float32Array ? weights : undefined;
  const shared = weights instanceof Float32Array ? 0 : weights.constant;
  let residue = 0;
  if (delays instanceof Uint8Array) {
    const [sources, count] = history.sourcesInWindow(t - projection.maxDelay, t);
    for (let k = 0; k < count; k++) {
      const s = sources[k] as number;
      const end = rowPtr[s + 1] as number;
      for (let e = rowPtr[s] as number; e < end; e++) {
        const from = t - (delays[e] as number);
        if (from < 0 || !history.spikedAt(from, s)) continue;
        const rel = (release[from % ring] as Float32Array)[s] as number;
        const w = f((perSynapse ? (perSynapse[e] as number) : shared) * rel);
        const j = targets[e] as number;
        const x = f((dest[j] as number) + w);
        dest[j] = x;
        residue += x - x;
      }
    }
    return residue === 0;
  }
  const from = t - delays.constant;
  if (from < 0) return true;
  const sources = history.list(from);
  const count = history.count(from);
  const slot = release[from % ring] as Float32Array;
  for (let k = 0; k < count; k++) {
    const s = sources[k] as number;
    const rel = slot[s] as number;
    const end = rowPtr[s + 1] as number;
    for (let e = rowPtr[s] as number; e < end; e++) {
      const w = f((perSynapse ? (perSynapse[e] as number) : shared) * rel);
      const j = targets[e] as number;
      const x = f((dest[j] as number) + w);
      dest[j] = x;
      residue += x - x;
    }
  }
  return residue === 0;
}
