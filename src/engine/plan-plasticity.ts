/**
 * The compiled plasticity of a classic projection (re-exported by `plan.ts`): CONTEXT.md step
 * 3b (short-term plasticity), step 5e (weight rules) and step 5f (structural). Every float is
 * already rounded to float32 (or is an exact integer); the step arithmetic is specified there.
 *
 * A projection with a weight rule or structural plasticity always has per-synapse weights
 * (`csr.weights` is a Float32Array, never `{ constant }`): the backends update them in place.
 */

/** The reward of R-STDP and OnlineO1: spikes of `population` at step t, times `amount`. */
export interface RewardPlan {
  /** Population index (never Loihi or DynapSim: its spikes of step t are known at step 5). */
  population: number;
  /** fround(amount) for R-STDP; the exact integer amount for OnlineO1. */
  amount: number;
}

export interface StdpPlan {
  rule: 'stdp';
  /** fround(exp(-dt / tau_plus)) */
  decayPre: number;
  /** fround(exp(-dt / tau_minus)) */
  decayPost: number;
  /** fround(a_plus) */
  aPlus: number;
  /** fround(a_minus) */
  aMinus: number;
  wMin: number;
  wMax: number;
}

export interface RstdpPlan extends Omit<StdpPlan, 'rule'> {
  rule: 'rstdp';
  /** fround(exp(-dt / tau_eligibility)) */
  decayEligibility: number;
  /** fround(exp(-dt / tau_reward)) */
  decayReward: number;
  /** fround(dt) */
  dt: number;
  reward: RewardPlan;
}

export interface OnlineO1Plan {
  rule: 'online_o1';
  weightBits: number;
  traceBits: number;
  rewardBits: number;
  learningShift: number;
  traceDecayShift: number;
  /** fround(weight_scale) */
  weightScale: number;
  /** Initial integer weights, CSR order, saturated to [0, 2^weightBits - 1]. */
  initialWeights: Int32Array;
  /** `amount` is the exact integer reward per spike. */
  reward: RewardPlan;
}

export interface HomeostaticPlan {
  rule: 'homeostatic';
  /** round(interval / dt), >= 1 */
  intervalSteps: number;
  /** fround(target_rate) Hz */
  targetRate: number;
  /** fround(1000 / (intervalSteps * dt)): Hz per spike counted in an interval. */
  rateScale: number;
  /** fround(min(1, intervalSteps * dt / tau)): the estimate's step toward the new rate. */
  alpha: number;
  /** fround(1 - max_change) */
  minScale: number;
  /** fround(1 + max_change) */
  maxScale: number;
}

export type WeightRulePlan = StdpPlan | RstdpPlan | OnlineO1Plan | HomeostaticPlan;

/** Tsodyks-Markram per source neuron (CONTEXT.md step 3b). */
export interface StpPlan {
  /** fround(U) */
  U: number;
  /** fround(dt / tau_d) */
  kd: number;
  /** fround(dt / tau_f) */
  kf: number;
}

/** Pruning and growth (CONTEXT.md step 5f). */
export interface StructuralPlan {
  /** round(interval / dt), >= 1 */
  intervalSteps: number;
  /** fround(prune_below) */
  pruneBelow: number;
  /** max(1, floor(growth_rate * synapse count)): the most synapses grown per interval. */
  growMax: number;
  /** fround(grow_low) */
  growLow: number;
  /** fround(grow_high - grow_low) */
  growSpan: number;
  /** streamKey(seed, projectionIndex, PLASTICITY_STREAM.structuralPick) */
  pickKey: number;
  /** streamKey(seed, projectionIndex, PLASTICITY_STREAM.structuralWeight) */
  weightKey: number;
}

/** Everything plastic about one projection; each part independent and optional. */
export interface PlasticityPlan {
  rule?: WeightRulePlan;
  stp?: StpPlan;
  structural?: StructuralPlan;
}
