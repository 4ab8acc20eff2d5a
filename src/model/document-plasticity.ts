/**
 * Plasticity of a classic projection (a `delta` or `exponential` synapse between spiking
 * classic populations), re-exported by `document.ts`. Three independent, optional parts:
 *
 * - `plasticity`: a rule that changes the weights while the network runs (STDP, reward-modulated
 *   STDP, the fixed-point OnlineO1 synapse, homeostatic scaling);
 * - `stp`: Tsodyks-Markram short-term plasticity, which scales each spike's effect by the
 *   source's release `u * x` without changing the stored weight;
 * - `structural`: every `interval` ms, weak synapses are pruned and new ones grow (seeded).
 *
 * The step semantics are `src/engine/CONTEXT.md` step 5e. Times are ms, weights in the
 * projection's weight units (mV for `delta`, the current's units for `exponential`).
 */

/**
 * Pair-based STDP with a pre trace and a post trace per synapse (Song, Miller & Abbott 2000;
 * Brian2's STDP example): a pre event adds `a_plus` to the pre trace and depresses the weight
 * by the post trace; a post spike adds `a_minus` to the post trace and potentiates the weight by
 * the pre trace. So a pair with post - pre = dt > 0 changes w by `a_plus * exp(-dt / tau_plus)`,
 * one with dt < 0 by `-a_minus * exp(dt / tau_minus)`. Weights stay in [w_min, w_max].
 */
export interface StdpRule {
  rule: 'stdp';
  /** Potentiation of a pre-before-post pair at dt = 0+, weight units (>= 0). */
  a_plus: number;
  /** Depression of a post-before-pre pair at dt = 0-, weight units (>= 0; it is subtracted). */
  a_minus: number;
  /** Decay of the pre trace, ms (> 0). */
  tau_plus: number;
  /** Decay of the post trace, ms (> 0). */
  tau_minus: number;
  w_min: number;
  w_max: number;
}

/**
 * A global reward signal: each spike of `population` at a step adds `amount` to it. Use a spike
 * generator to deliver rewards at chosen times, or a population that fires when the network
 * does the right thing. The population must not be a Loihi or DynapSim population.
 */
export interface RewardSource {
  population: string;
  /** Added per spike (may be negative: a punishment). */
  amount: number;
}

/**
 * Reward-modulated STDP (Izhikevich 2007; Fremaux & Gerstner 2016): STDP's pair terms go into a
 * per-synapse eligibility `c` (decaying with `tau_eligibility`) instead of the weight, and the
 * weight follows `dw/dt = r * c`, where the reward trace `r` (per ms) jumps by the reward's
 * `amount` at each reward spike and decays with `tau_reward`.
 */
export interface RstdpRule extends Omit<StdpRule, 'rule'> {
  rule: 'rstdp';
  /** Decay of the eligibility trace, ms (> 0). */
  tau_eligibility: number;
  /** Decay of the reward trace, ms (> 0). */
  tau_reward: number;
  reward: RewardSource;
}

/**
 * sc-neurocore's `OnlineO1Synapse` per synapse (`src/engine/learning/online-o1-step.ts`): four
 * bounded integer fields, `weight += (reward * eligibility) >> learning_shift`. The delivered
 * weight is `weight * weight_scale`; the initial integer weight is the projection's weight
 * divided by `weight_scale`, rounded and saturated. The integer reward of a step is
 * `amount * (reward spikes of the step)`, saturated to the signed `reward_bits` range, so
 * `reward.amount` must be an integer here.
 */
export interface OnlineO1Rule {
  rule: 'online_o1';
  weight_bits: number;
  trace_bits: number;
  reward_bits: number;
  learning_shift: number;
  trace_decay_shift: number;
  /** Weight units per integer weight step (> 0). */
  weight_scale: number;
  reward: RewardSource;
}

/**
 * Homeostatic synaptic scaling (Turrigiano 2008): every `interval` ms each target neuron's rate
 * over the interval updates a running estimate (time constant `tau`), and all its incoming
 * weights of this projection are multiplied by `target_rate / estimate`, clipped to
 * `[1 - max_change, 1 + max_change]`. A silent neuron scales up by `1 + max_change`.
 */
export interface HomeostaticRule {
  rule: 'homeostatic';
  /** Hz (> 0). */
  target_rate: number;
  /** Time constant of the rate estimate, ms (> 0). */
  tau: number;
  /** How often weights are scaled, ms (>= dt; rounded to whole steps). */
  interval: number;
  /** Largest relative change per interval (0 < max_change < 1). */
  max_change: number;
}

export type PlasticityRule = StdpRule | RstdpRule | OnlineO1Rule | HomeostaticRule;
export type PlasticityRuleName = PlasticityRule['rule'];

export const PLASTICITY_RULES: readonly PlasticityRuleName[] = [
  'stdp',
  'rstdp',
  'online_o1',
  'homeostatic',
];

/**
 * Tsodyks-Markram short-term plasticity, per source neuron (sc-neurocore's
 * `ShortTermPlasticity`): resources `x` recover toward 1 with `tau_d`, utilisation `u` relaxes
 * toward `U` with `tau_f`; a spike raises `u` by `U * (1 - u)`, releases `u * x` and uses it up.
 */
export interface ShortTermPlasticity {
  /** Baseline utilisation, 0 < U <= 1. */
  U: number;
  /** Depression (recovery) time constant, ms (> 0). */
  tau_d: number;
  /** Facilitation time constant, ms (> 0). */
  tau_f: number;
}

/**
 * Structural plasticity over the projection's synapses (its connectivity is the set of
 * potential synapses; a synapse with weight 0 is absent): every `interval` ms, synapses with
 * |w| < `prune_below` are set to 0, and `min(pruned, max(1, floor(growth_rate * synapses)))`
 * synapses chosen at random among those at 0 grow with a weight drawn uniformly in
 * [`grow_low`, `grow_high`] (sc-neurocore's `StructuralPlasticity`, with the engine's seeded
 * draws).
 */
export interface StructuralPlasticity {
  interval: number;
  prune_below: number;
  /** Fraction of the synapses that may grow per interval (0..1). */
  growth_rate: number;
  grow_low: number;
  grow_high: number;
}
