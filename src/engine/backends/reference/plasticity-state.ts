/**
 * The reference backend's state of classic plasticity (CONTEXT.md steps 3b, 5e, 5f), one entry
 * per projection with `plasticity`: its own copy of the weights (the plan's stay the initial
 * ones, so a reset and other backends given the same plan start from them), the rule's traces,
 * and the STP resources. Reading it for synapse probes and `learnedWeights` is here too.
 */
import { onlineO1Config } from '../../learning/online-o1-config.ts';
import {
  createOnlineO1Population,
  type OnlineO1Population,
} from '../../learning/online-o1-many.ts';
import type {
  HomeostaticPlan,
  OnlineO1Plan,
  Plan,
  ProjectionPlan,
  RstdpPlan,
  StdpPlan,
  StpPlan,
} from '../../plan.ts';
import type { SynapseVariable } from '../../../model/document.ts';

/** STDP and R-STDP: pre and post traces per synapse (R-STDP adds `c` and the reward `r`). */
export interface PairState {
  plan: StdpPlan | RstdpPlan;
  apre: Float32Array;
  apost: Float32Array;
  /** R-STDP's eligibility per synapse (empty for STDP). */
  c: Float32Array;
  /** R-STDP's reward trace (one per projection). */
  r: number;
  /** Scratch: whether each synapse's pre event arrives this step. */
  pre: Uint8Array;
}

export interface OnlineO1State {
  plan: OnlineO1Plan;
  synapses: OnlineO1Population;
  /** Scratch: this step's pre and post spike of each synapse, as `stepMany` takes them. */
  pre: Uint8Array;
  post: Uint8Array;
}

export interface HomeostaticState {
  plan: HomeostaticPlan;
  /** Spikes of each target neuron since the last interval. */
  counts: Int32Array;
  /** Rate estimate per target neuron, Hz; -1 before the first interval. */
  estimates: Float32Array;
}

export type RuleState =
  | ({ rule: 'pair' } & PairState)
  | ({ rule: 'online_o1' } & OnlineO1State)
  | ({ rule: 'homeostatic' } & HomeostaticState);

export interface StpState {
  plan: StpPlan;
  /** Resources and utilisation per source neuron. */
  x: Float32Array;
  u: Float32Array;
  /** Release of each source at step t in slot t mod (maxDelay + 1). */
  release: Float32Array[];
}

export interface PlasticState {
  projection: ProjectionPlan;
  /** The weights the run delivers and changes (a copy), or undefined with STP alone. */
  weights: Float32Array | undefined;
  rule: RuleState | undefined;
  stp: StpState | undefined;
  /** Scratch flags: sources that spiked at t - d (one delay for all), targets that spiked at t. */
  preFlags: Uint8Array;
  postFlags: Uint8Array;
}

/** The plasticity state of each projection that has `plasticity` (undefined for the others). */
export function allocatePlasticity(plan: Plan): (PlasticState | undefined)[] {
  return plan.projections.map((pr) => {
    const p = pr.plasticity;
    if (p === undefined) return undefined;
    const n = pr.csr.targets.length;
    const sourceSize = plan.populations[pr.source]?.size ?? 0;
    const targetSize = plan.populations[pr.target]?.size ?? 0;
    const w = pr.csr.weights;
    const state: PlasticState = {
      projection: pr,
      weights:
        w instanceof Float32Array && (p.rule || p.structural) ? Float32Array.from(w) : undefined,
      rule: p.rule ? allocateRule(p.rule, n, targetSize) : undefined,
      stp: p.stp
        ? {
            plan: p.stp,
            x: new Float32Array(sourceSize).fill(1),
            u: new Float32Array(sourceSize).fill(p.stp.U),
            release: Array.from({ length: pr.maxDelay + 1 }, () => new Float32Array(sourceSize)),
          }
        : undefined,
      preFlags: new Uint8Array(sourceSize),
      postFlags: new Uint8Array(targetSize),
    };
    return state;
  });
}

function allocateRule(
  rule: NonNullable<NonNullable<ProjectionPlan['plasticity']>['rule']>,
  n: number,
  targetSize: number,
): RuleState {
  switch (rule.rule) {
    case 'stdp':
    case 'rstdp':
      return {
        rule: 'pair',
        plan: rule,
        apre: new Float32Array(n),
        apost: new Float32Array(n),
        c: new Float32Array(rule.rule === 'rstdp' ? n : 0),
        r: 0,
        pre: new Uint8Array(n),
      };
    case 'online_o1':
      return {
        rule: 'online_o1',
        plan: rule,
        synapses: createOnlineO1Population(
          onlineO1Config({
            weight_bits: rule.weightBits,
            trace_bits: rule.traceBits,
            reward_bits: rule.rewardBits,
            learning_shift: rule.learningShift,
            trace_decay_shift: rule.traceDecayShift,
          }),
          n,
          rule.initialWeights,
        ),
        pre: new Uint8Array(n),
        post: new Uint8Array(n),
      };
    case 'homeostatic':
      return {
        rule: 'homeostatic',
        plan: rule,
        counts: new Int32Array(targetSize),
        estimates: new Float32Array(targetSize).fill(-1),
      };
  }
}

/** Back to step 0: the plan's weights, traces 0, OnlineO1 at its initial weights, STP rested. */
export function resetPlasticity(states: readonly (PlasticState | undefined)[]): void {
  for (const s of states) {
    if (!s) continue;
    const w = s.projection.csr.weights;
    if (s.weights && w instanceof Float32Array) s.weights.set(w);
    const rule = s.rule;
    if (rule?.rule === 'pair') {
      rule.apre.fill(0);
      rule.apost.fill(0);
      rule.c.fill(0);
      rule.r = 0;
    } else if (rule?.rule === 'online_o1') {
      rule.synapses.weight.set(rule.plan.initialWeights);
      rule.synapses.preTrace.fill(0);
      rule.synapses.postTrace.fill(0);
      rule.synapses.eligibility.fill(0);
    } else if (rule?.rule === 'homeostatic') {
      rule.counts.fill(0);
      rule.estimates.fill(-1);
    }
    if (s.stp) {
      s.stp.x.fill(1);
      s.stp.u.fill(s.stp.plan.U);
      for (const slot of s.stp.release) slot.fill(0);
    }
  }
}

/**
 * What a synapse probe records of synapse e (CONTEXT.md, the probe note after step 5f): the
 * weight, STDP/R-STDP's float traces and eligibility, or OnlineO1's integer fields.
 */
export function readPlasticSynapse(s: PlasticState, variable: SynapseVariable, e: number): number {
  const rule = s.rule;
  switch (variable) {
    case 'w':
      return s.weights?.[e] ?? 0;
    case 'pre_trace':
      if (rule?.rule === 'pair') return rule.apre[e] ?? 0;
      return rule?.rule === 'online_o1' ? (rule.synapses.preTrace[e] ?? 0) : 0;
    case 'post_trace':
      if (rule?.rule === 'pair') return rule.apost[e] ?? 0;
      return rule?.rule === 'online_o1' ? (rule.synapses.postTrace[e] ?? 0) : 0;
    case 'eligibility':
      if (rule?.rule === 'pair') return rule.c[e] ?? 0;
      return rule?.rule === 'online_o1' ? (rule.synapses.eligibility[e] ?? 0) : 0;
    case 'w_act':
    case 'x1':
    case 'x2':
    case 'y1':
    case 'y2':
    case 'y3':
      // Loihi variables: validation refuses them on a classic projection.
      return 0;
  }
}
