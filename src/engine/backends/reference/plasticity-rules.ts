/**
 * Steps 5e (weight rules) and 5f (structural plasticity) of CONTEXT.md on the reference
 * backend, after every delivery of step t: per synapse, `pre` is "its source spiked at t - d"
 * (delivery's condition) and `post` is "its target spiked at t". Float32 operations throughout
 * (`Math.fround` on each); OnlineO1 is `stepMany`'s integer arithmetic, the interval steps are
 * the shared pure functions in `src/engine/plasticity/`.
 */
import { stepMany } from '../../learning/online-o1-many.ts';
import { homeostaticUpdate } from '../../plasticity/homeostatic-step.ts';
import { structuralUpdate } from '../../plasticity/structural-step.ts';
import type {
  HomeostaticState,
  OnlineO1State,
  PairState,
  PlasticState,
} from './plasticity-state.ts';
import type { SpikeHistory } from './spike-history.ts';

const f = Math.fround;

/** Spike histories by population index (the reward population's count of step t). */
export type HistoryOf = (population: number) => SpikeHistory | undefined;

/**
 * Steps 5e and 5f for every plastic projection (document order) at step t.
 *
 * @example applyPlasticity(states, (i) => state.populations[i]?.history, t);
 */
export function applyPlasticity(
  states: readonly (PlasticState | undefined)[],
  historyOf: HistoryOf,
  t: number,
): void {
  for (const s of states) {
    if (!s?.weights) continue;
    const pr = s.projection;
    const source = historyOf(pr.source);
    const target = historyOf(pr.target);
    const rule = s.rule;
    if (rule && source && target) {
      markPost(s.postFlags, target, t);
      switch (rule.rule) {
        case 'pair':
          stepPairs(s, rule, s.weights, source, t, rewardCount(historyOf, rule, t));
          break;
        case 'online_o1':
          stepOnline(s, rule, s.weights, source, t, rewardCount(historyOf, rule, t));
          break;
        case 'homeostatic':
          countSpikes(rule, target, t);
          homeostaticUpdate(rule.plan, rule.counts, rule.estimates, s.weights, pr.csr.targets, t);
          break;
      }
    }
    const structural = pr.plasticity?.structural;
    if (structural) structuralUpdate(s.weights, structural, t);
  }
}

/** Spikes of the reward population at step t (0 for rules without a reward). */
function rewardCount(historyOf: HistoryOf, rule: PairState | OnlineO1State, t: number): number {
  if (rule.plan.rule === 'stdp') return 0;
  return historyOf(rule.plan.reward.population)?.count(t) ?? 0;
}

function markPost(flags: Uint8Array, target: SpikeHistory, t: number): void {
  flags.fill(0);
  const list = target.list(t);
  const count = target.count(t);
  for (let k = 0; k < count; k++) flags[list[k] as number] = 1;
}

/**
 * Fills `out[e]` with 1 where synapse e's source spiked at step t - d (t - d >= 0), else 0:
 * delivery's condition, once per step so the rule loops below are flat.
 */
function markPre(s: PlasticState, source: SpikeHistory, t: number, out: Uint8Array): void {
  const { rowPtr, delays } = s.projection.csr;
  const rows = rowPtr.length - 1;
  if (delays instanceof Uint8Array) {
    for (let src = 0; src < rows; src++) {
      const end = rowPtr[src + 1] as number;
      for (let e = rowPtr[src] as number; e < end; e++) {
        const from = t - (delays[e] as number);
        out[e] = from >= 0 && source.spikedAt(from, src) ? 1 : 0;
      }
    }
    return;
  }
  const spiked = s.preFlags;
  spiked.fill(0);
  const from = t - delays.constant;
  if (from >= 0) {
    const list = source.list(from);
    const count = source.count(from);
    for (let k = 0; k < count; k++) spiked[list[k] as number] = 1;
  }
  for (let src = 0; src < rows; src++) {
    out.fill(spiked[src] as number, rowPtr[src], rowPtr[src + 1]);
  }
}

/** STDP, and R-STDP with its eligibility and reward trace (CONTEXT.md step 5e). */
function stepPairs(
  s: PlasticState,
  rule: PairState,
  w: Float32Array,
  source: SpikeHistory,
  t: number,
  rewardSpikes: number,
): void {
  const p = rule.plan;
  const { apre, apost, c, pre } = rule;
  const targets = s.projection.csr.targets;
  const post = s.postFlags;
  const n = w.length;
  markPre(s, source, t, pre);
  if (p.rule === 'stdp') {
    const { decayPre, decayPost, aPlus, aMinus, wMin, wMax } = p;
    // min/max as CONTEXT writes them (also for -0: max(-0, 0) is 0, as f32.max in wasm).
    for (let e = 0; e < n; e++) {
      let a = f((apre[e] as number) * decayPre);
      let b = f((apost[e] as number) * decayPost);
      let we = w[e] as number;
      if (pre[e] === 1) {
        a = f(a + aPlus);
        we = f(we - b);
      }
      if (post[targets[e] as number] === 1) {
        b = f(b + aMinus);
        we = f(we + a);
      }
      apre[e] = a;
      apost[e] = b;
      w[e] = Math.min(Math.max(we, wMin), wMax);
    }
    return;
  }
  rule.r = f(rule.r * p.decayReward);
  rule.r = f(rule.r + f(p.reward.amount * rewardSpikes));
  const g = f(p.dt * rule.r);
  const { decayPre, decayPost, decayEligibility, aPlus, aMinus, wMin, wMax } = p;
  for (let e = 0; e < n; e++) {
    let a = f((apre[e] as number) * decayPre);
    let b = f((apost[e] as number) * decayPost);
    let ce = f((c[e] as number) * decayEligibility);
    if (pre[e] === 1) {
      a = f(a + aPlus);
      ce = f(ce - b);
    }
    if (post[targets[e] as number] === 1) {
      b = f(b + aMinus);
      ce = f(ce + a);
    }
    apre[e] = a;
    apost[e] = b;
    c[e] = ce;
    const we = f((w[e] as number) + f(g * ce));
    w[e] = Math.min(Math.max(we, wMin), wMax);
  }
}

/** OnlineO1: `stepMany` on this step's spikes, then the delivered weight. */
function stepOnline(
  s: PlasticState,
  rule: OnlineO1State,
  w: Float32Array,
  source: SpikeHistory,
  t: number,
  rewardSpikes: number,
): void {
  const targets = s.projection.csr.targets;
  const post = s.postFlags;
  markPre(s, source, t, rule.pre);
  for (let e = 0; e < w.length; e++) rule.post[e] = post[targets[e] as number] as number;
  // stepMany saturates the reward to the signed reward_bits range.
  stepMany(rule.synapses, rule.pre, rule.post, rule.plan.reward.amount * rewardSpikes);
  const weight = rule.synapses.weight;
  const scale = rule.plan.weightScale;
  for (let e = 0; e < w.length; e++) w[e] = f((weight[e] as number) * scale);
}

function countSpikes(rule: HomeostaticState, target: SpikeHistory, t: number): void {
  const list = target.list(t);
  const count = target.count(t);
  for (let k = 0; k < count; k++) {
    const j = list[k] as number;
    rule.counts[j] = (rule.counts[j] as number) + 1;
  }
}
