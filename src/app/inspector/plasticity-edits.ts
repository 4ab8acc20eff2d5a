/**
 * The pure edits of the Plasticity section: a rule picked with defaults that learn visibly at
 * the projection's own weight scale, a parameter changed, short-term and structural plasticity
 * switched on or off, and what a synapse probe of the projection may record.
 */
import type {
  Distribution,
  NetworkDocument,
  PlasticityRule,
  Population,
  Projection,
  RewardSource,
  ShortTermPlasticity,
  StructuralPlasticity,
  SynapseVariable,
} from '../../model/index.ts';
import { ONLINE_O1_DEFAULT_CONFIG } from '../../engine/learning/online-o1-config.ts';
import type { RuleChoice } from './plasticity-params.ts';

/** Up to 3 significant digits, so a default reads like a number a person would type. */
function nice(x: number): number {
  return Number(x.toPrecision(3));
}

/** The mean of a weight distribution (explicit: of its values); 0 for an empty list. */
export function meanWeight(w: Distribution): number {
  switch (w.kind) {
    case 'constant':
      return w.value;
    case 'uniform':
      return (w.low + w.high) / 2;
    case 'normal':
      return w.mean;
    case 'explicit':
      return w.values.length === 0 ? 0 : w.values.reduce((a, b) => a + b, 0) / w.values.length;
  }
}

/**
 * The weight bounds a rule starts with: [0, 2|m|] around an excitatory mean m, [-2|m|, 0]
 * around an inhibitory one (so the rule never flips the projection's sign), [0, 1] for m = 0.
 */
export function defaultBounds(w: Distribution): { w_min: number; w_max: number } {
  const m = meanWeight(w);
  if (m === 0) return { w_min: 0, w_max: 1 };
  const span = nice(2 * Math.abs(m));
  return m > 0 ? { w_min: 0, w_max: span } : { w_min: -span, w_max: 0 };
}

/**
 * Populations whose spikes may deliver reward (every spiking population but Loihi and
 * DynapSim ones, whose spikes of a step are known only after the weight update), spike
 * generators first: they give rewards at chosen times.
 */
export function rewardCandidates(populations: readonly Population[]): string[] {
  const usable = populations.filter((p) => p.model !== 'loihi' && p.model !== 'dynapsim');
  const generators = usable.filter((p) => p.model === 'spike_generator');
  return [...generators, ...usable.filter((p) => p.model !== 'spike_generator')].map((p) => p.id);
}

/** A reward population for a new rule: a candidate that is neither end of the projection. */
function defaultReward(doc: NetworkDocument, projection: Projection): RewardSource | string {
  const own = projection.plasticity;
  if (own !== undefined && 'reward' in own) return own.reward;
  const pick = rewardCandidates(doc.populations).find(
    (id) => id !== projection.source && id !== projection.target,
  );
  if (pick === undefined) {
    return (
      'This rule learns from a reward: add a population that delivers it (a spike generator ' +
      'firing at the rewarded times), then pick the rule again'
    );
  }
  return { population: pick, amount: 1 };
}

/**
 * The rule `choice` with defaults for `projection` (STDP's window of 20 ms, steps of 1/20 of
 * the weight range; R-STDP's eligibility of 1 s as in Izhikevich 2007; the seed's OnlineO1
 * widths with the mean weight at half the integer range), or why it cannot be set. Parameters
 * the current rule shares with the new one are kept.
 *
 * @example defaultRule(doc, projection, 'stdp') // { rule: 'stdp', a_plus: 0.1, ... }
 */
export function defaultRule(
  doc: NetworkDocument,
  projection: Projection,
  choice: Exclude<RuleChoice, 'none'>,
): PlasticityRule | string {
  const old = projection.plasticity;
  const bounds = defaultBounds(projection.weight);
  const range = bounds.w_max - bounds.w_min;
  const stdp = {
    a_plus: nice(range / 20),
    a_minus: nice((range / 20) * 1.05),
    tau_plus: 20,
    tau_minus: 20,
    ...bounds,
  };
  const keptStdp =
    old?.rule === 'stdp' || old?.rule === 'rstdp'
      ? {
          a_plus: old.a_plus,
          a_minus: old.a_minus,
          tau_plus: old.tau_plus,
          tau_minus: old.tau_minus,
          w_min: old.w_min,
          w_max: old.w_max,
        }
      : stdp;
  switch (choice) {
    case 'stdp':
      return { rule: 'stdp', ...keptStdp };
    case 'rstdp': {
      const reward = defaultReward(doc, projection);
      if (typeof reward === 'string') return reward;
      return { rule: 'rstdp', ...keptStdp, tau_eligibility: 1000, tau_reward: 200, reward };
    }
    case 'online_o1': {
      const reward = defaultReward(doc, projection);
      if (typeof reward === 'string') return reward;
      const config = ONLINE_O1_DEFAULT_CONFIG;
      const mean = Math.abs(meanWeight(projection.weight)) || 1;
      return {
        rule: 'online_o1',
        ...config,
        weight_scale: nice(mean / 2 ** (config.weight_bits - 1)),
        // OnlineO1's reward is an integer count of reward spikes times the amount.
        reward: { ...reward, amount: Math.round(reward.amount) || 1 },
      };
    }
    case 'homeostatic':
      return { rule: 'homeostatic', target_rate: 10, tau: 1000, interval: 100, max_change: 0.1 };
  }
}

/** `projection` with rule `choice` (none removes it), or why not. */
export function withRuleChoice(
  doc: NetworkDocument,
  projection: Projection,
  choice: RuleChoice,
): Projection | string {
  const { plasticity: _old, ...rest } = projection;
  if (choice === 'none') return rest;
  const rule = defaultRule(doc, projection, choice);
  return typeof rule === 'string' ? rule : { ...rest, plasticity: rule };
}

/** Depressing synapses (large U, slow recovery): the usual cortical pyramidal-to-pyramidal case. */
export const DEFAULT_STP: ShortTermPlasticity = { U: 0.5, tau_d: 200, tau_f: 20 };

/** `projection` with short-term plasticity on (the defaults) or off. */
export function withStp(projection: Projection, on: boolean): Projection {
  const { stp: _old, ...rest } = projection;
  return on ? { ...rest, stp: { ...DEFAULT_STP } } : rest;
}

/**
 * Structural plasticity at the projection's scale: every 100 ms prune below a tenth of the
 * mean weight, regrow up to a tenth of the synapses with weights in [mean/2, mean].
 */
export function defaultStructural(w: Distribution): StructuralPlasticity {
  const m = meanWeight(w) || 1;
  const low = nice(m / 2);
  const high = nice(m);
  return {
    interval: 100,
    prune_below: nice(Math.abs(m) / 10),
    growth_rate: 0.1,
    grow_low: Math.min(low, high),
    grow_high: Math.max(low, high),
  };
}

/** `projection` with structural plasticity on (defaults) or off. */
export function withStructural(projection: Projection, on: boolean): Projection {
  const { structural: _old, ...rest } = projection;
  return on ? { ...rest, structural: defaultStructural(projection.weight) } : rest;
}

/** `doc` with the projection of the same id replaced by `projection`. */
export function replaceProjection(doc: NetworkDocument, projection: Projection): NetworkDocument {
  return {
    ...doc,
    projections: doc.projections.map((p) => (p.id === projection.id ? projection : p)),
  };
}

/**
 * What a synapse probe of a classic projection may record: the weight when a rule or
 * structural plasticity changes it, the traces of the pair rules, the eligibility of the
 * rewarded ones; nothing for fixed weights.
 */
export function classicRecordableVariables(projection: Projection): SynapseVariable[] {
  const rule = projection.plasticity?.rule;
  if (rule === undefined) return projection.structural === undefined ? [] : ['w'];
  if (rule === 'homeostatic') return ['w'];
  const traces: SynapseVariable[] = ['w', 'pre_trace', 'post_trace'];
  return rule === 'stdp' ? traces : [...traces, 'eligibility'];
}

/**
 * Count, range and mean of a per-synapse list (all 0 for an empty one).
 *
 * @example explicitSummary([0.5, 1, 0]) // { count: 3, min: 0, max: 1, mean: 0.5 }
 */
export function explicitSummary(values: readonly number[]): {
  count: number;
  min: number;
  max: number;
  mean: number;
} {
  if (values.length === 0) return { count: 0, min: 0, max: 0, mean: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { count: values.length, min, max, mean: sum / values.length };
}
