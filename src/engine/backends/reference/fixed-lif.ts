/**
 * Step 2f of CONTEXT.md for one `fixed_point_lif` population, with the shared pure functions of
 * `fixed-point/fixed-lif-step.ts` (the definition the Verilog core matches): integer input
 * current (one clamp), channel decay by `>> S`, integration, threshold, reset and refractory
 * hold, and step 5's saturating delivery. Every value is a whole number, so nothing can become
 * non-finite and step 7 has nothing to check.
 */
import type { FixedLifPlan, PopulationPlan, ProjectionPlan } from '../../plan.ts';
import {
  fixedDecay,
  fixedDeliver,
  fixedLifStep,
  saturate,
} from '../../fixed-point/fixed-lif-step.ts';
import type { SpikeHistory } from './spike-history.ts';

export interface FixedLifState {
  plan: FixedLifPlan;
  /** V, W-bit integers in units of 2^-F. */
  v: Int32Array;
  refr: Int32Array;
}

export function allocateFixedLif(plan: FixedLifPlan): FixedLifState {
  return { plan, v: Int32Array.from(plan.vInit), refr: new Int32Array(plan.vInit.length) };
}

export function resetFixedLif(state: FixedLifState): void {
  state.v.set(state.plan.vInit);
  state.refr.fill(0);
}

/** Step 1 in integers: q(bias) plus every active stimulus's q(amplitude), unclamped. */
export function fixedExternal(population: PopulationPlan, bias: number, t: number): number {
  let ext = bias;
  for (const s of population.stimuli) if (s.startStep <= t && t < s.stopStep) ext += s.amplitude;
  return ext;
}

/**
 * Steps 1, 2f, 4 and 6 for every neuron: `I = sat(ext + sum_c I_c[j])`, the channels then
 * decay (`I_c * decay >> S`; nothing reads them in between, as in `gatherAndDecay`), and
 * `fixedLifStep` integrates, thresholds and resets (its reset is step 6: no step in between
 * reads V of a fixed-point population, whose deliveries go to channels). Spiking neurons are
 * written to `spikes` in ascending order; returns their count.
 */
export function advanceFixedLif(
  state: FixedLifState,
  ext: number,
  channels: readonly Float32Array[],
  decays: readonly number[],
  spikes: Uint32Array,
): number {
  const c = state.plan;
  const { v, refr } = state;
  let count = 0;
  for (let j = 0; j < v.length; j++) {
    let input = ext;
    for (let k = 0; k < channels.length; k++) {
      const ic = channels[k] as Float32Array;
      const i = ic[j] as number;
      input += i;
      ic[j] = fixedDecay(i, decays[k] as number, c.scaleBits);
    }
    const next = fixedLifStep(
      c,
      { v: v[j] as number, refr: refr[j] as number },
      saturate(input, c.totalBits),
    );
    v[j] = next.state.v;
    refr[j] = next.state.refr;
    if (next.spiked) spikes[count++] = j;
  }
  return count;
}

/**
 * Step 5 into a fixed-point population's channel: each event adds the quantised weight and
 * saturates (`fixedDeliver`), sources ascending, synapses in CSR order, per-synapse delays as
 * `deliver.ts` reads them; `learned`: the current weights of a projection that learns (online_o1).
 */
export function deliverFixed(
  projection: ProjectionPlan,
  history: SpikeHistory,
  t: number,
  dest: Float32Array,
  totalBits: number,
  learned?: Float32Array,
): void {
  const { rowPtr, targets, delays } = projection.csr;
  const weights = learned ?? projection.csr.weights;
  const perSynapse = delays instanceof Uint8Array ? delays : undefined;
  let sources: Uint32Array;
  let count: number;
  if (perSynapse !== undefined) {
    [sources, count] = history.sourcesInWindow(t - projection.maxDelay, t);
  } else {
    const from = t - (delays as { constant: number }).constant;
    if (from < 0) return;
    sources = history.list(from);
    count = history.count(from);
  }
  for (let k = 0; k < count; k++) {
    const s = sources[k] as number;
    const end = rowPtr[s + 1] as number;
    for (let e = rowPtr[s] as number; e < end; e++) {
      if (perSynapse !== undefined) {
        const from = t - (perSynapse[e] as number);
        if (from < 0 || !history.spikedAt(from, s)) continue;
      }
      const w = weights instanceof Float32Array ? (weights[e] as number) : weights.constant;
      const j = targets[e] as number;
      dest[j] = fixedDeliver(dest[j] as number, w, totalBits);
    }
  }
}
