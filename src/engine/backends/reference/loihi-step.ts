/**
 * Step 5c of CONTEXT.md for `loihi` populations (brian2-loihi's `LoihiNeuronGroup`): deliver the
 * Loihi synapses of step t into the integer current I, then integrate, threshold and reset, in
 * float64, where every value is an exact integer (|v|, |I| < LOIHI_STATE_LIMIT).
 */
import { NumericalError } from '../../errors.ts';
import type { Plan, ProjectionPlan } from '../../plan.ts';
import { LOIHI_STATE_LIMIT, type LoihiPlan } from '../../plan-loihi.ts';
import { stepLearning, type LearningState } from './loihi-learning.ts';
import type { SpikeHistory } from './spike-history.ts';

export interface LoihiState {
  plan: LoihiPlan;
  id: string;
  v: Float64Array;
  i: Float64Array;
  /** I after this step's synaptic input, before its decay: what `i_syn` records (brian2-loihi's
   * state monitor reads I in the `synapses` slot). */
  iSampled: Float64Array;
  /** Steps the neuron is still held after a spike. */
  refr: Int32Array;
  /** 1 where the neuron spiked at the previous step: the post events of step 5d (b). */
  spikedBefore: Uint8Array;
}

/** The state of each population that is a Loihi population (undefined for the others). */
export function allocateLoihi(plan: Plan): (LoihiState | undefined)[] {
  return plan.populations.map((p) =>
    p.model.model === 'loihi'
      ? {
          plan: p.model,
          id: p.id,
          v: new Float64Array(p.size),
          i: new Float64Array(p.size),
          iSampled: new Float64Array(p.size),
          refr: new Int32Array(p.size),
          spikedBefore: new Uint8Array(p.size),
        }
      : undefined,
  );
}

/** Back to step 0: v = I = 0, nobody refractory. */
export function resetLoihi(states: readonly (LoihiState | undefined)[]): void {
  for (const s of states) {
    if (!s) continue;
    s.v.fill(0);
    s.i.fill(0);
    s.iSampled.fill(0);
    s.refr.fill(0);
    s.spikedBefore.fill(0);
  }
}

/**
 * Adds the actual weights of one projection whose events arrive at step t to the target's I.
 * Sums of integers below 2^53 are exact, so the order does not matter; it is CSR order anyway.
 * A learning projection adds its current `wAct` and sets `x0` of each synapse that fired
 * (CONTEXT.md step 5d).
 */
export function deliverLoihi(
  projection: ProjectionPlan,
  history: SpikeHistory,
  t: number,
  current: Float64Array,
  learning?: LearningState,
): void {
  const { rowPtr, targets, weights, delays } = projection.csr;
  const x0 = learning?.x0;
  const wAct = learning?.wAct;
  const weightOf = (e: number): number => {
    if (x0 && wAct) {
      x0[e] = 1;
      return wAct[e] as number;
    }
    return weights instanceof Float32Array ? (weights[e] as number) : weights.constant;
  };
  if (!(delays instanceof Uint8Array)) {
    const from = t - delays.constant;
    if (from < 0) return;
    const sources = history.list(from);
    const count = history.count(from);
    for (let k = 0; k < count; k++) {
      const s = sources[k] as number;
      const end = rowPtr[s + 1] as number;
      for (let e = rowPtr[s] as number; e < end; e++) {
        const j = targets[e] as number;
        current[j] = (current[j] as number) + weightOf(e);
      }
    }
    return;
  }
  const [sources, count] = history.sourcesInWindow(t - projection.maxDelay, t);
  for (let k = 0; k < count; k++) {
    const s = sources[k] as number;
    const end = rowPtr[s + 1] as number;
    for (let e = rowPtr[s] as number; e < end; e++) {
      const from = t - (delays[e] as number);
      if (from < 0 || !history.spikedAt(from, s)) continue;
      const j = targets[e] as number;
      current[j] = (current[j] as number) + weightOf(e);
    }
  }
}

/** `sign(x) * ceil(|x * decay / 4096|)`: brian2-loihi's rnd_v / rnd_I (exact in float64). */
function decayStep(x: number, decay: number): number {
  return Math.sign(x) * Math.ceil((Math.abs(x) * decay) / 4096);
}

/**
 * Integrate, threshold and reset one Loihi population at step t (its I already holds this
 * step's input). Writes the spiking neurons ascending into `spikes` and returns their count.
 * Throws `NumericalError` when |v| or |I| passes LOIHI_STATE_LIMIT.
 */
export function stepLoihi(s: LoihiState, t: number, spikes: Uint32Array): number {
  const { v, i, iSampled, refr } = s;
  const { decayV, decayI, threshold, refractory } = s.plan;
  iSampled.set(i);
  let count = 0;
  for (let j = 0; j < v.length; j++) {
    const vj = v[j] as number;
    const ij = i[j] as number;
    if (Math.abs(ij) >= LOIHI_STATE_LIMIT) throw new NumericalError(s.id, t, j, 'I', ij);
    // Both updates read the values before the step (forward Euler).
    i[j] = ij - decayStep(ij, decayI);
    if ((refr[j] as number) > 0) {
      refr[j] = (refr[j] as number) - 1;
      continue;
    }
    const vNew = vj - decayStep(vj, decayV) + ij;
    if (Math.abs(vNew) >= LOIHI_STATE_LIMIT) throw new NumericalError(s.id, t, j, 'v', vNew);
    if (vNew > threshold) {
      spikes[count++] = j;
      v[j] = 0;
      refr[j] = refractory - 1;
    } else {
      v[j] = vNew;
    }
  }
  return count;
}

/**
 * Step 5c for every Loihi population, in population order: its Loihi projections of step t
 * (document order), then the learning of those that learn (step 5d, document order), then
 * `stepLoihi`; the spikes go into the history slot of t, which step 5 of this step has already
 * read (Loihi sources' delays count one more step, see compile).
 */
export function advanceLoihi(
  plan: Plan,
  states: readonly (LoihiState | undefined)[],
  populations: readonly { history: SpikeHistory }[],
  learning: readonly (LearningState | undefined)[],
  t: number,
): void {
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    const history = populations[i]?.history;
    if (!s || !history) continue;
    plan.projections.forEach((pr, k) => {
      const source = populations[pr.source]?.history;
      if (pr.target === i && source) deliverLoihi(pr, source, t, s.i, learning[k]);
    });
    plan.projections.forEach((pr, k) => {
      const l = learning[k];
      if (pr.target === i && l) stepLearning(l, t, s.spikedBefore);
    });
    const list = history.list(t);
    const count = stepLoihi(s, t, list);
    history.commit(t, count);
    s.spikedBefore.fill(0);
    for (let k = 0; k < count; k++) s.spikedBefore[list[k] as number] = 1;
  }
}
