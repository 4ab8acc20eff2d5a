/**
 * The `PlasticityPlan` of a classic projection (CONTEXT.md steps 3b, 5e, 5f): the document's
 * plasticity with every constant rounded to float32 as the step uses it, the reward population
 * as an index, the structural keys, and OnlineO1's initial integer weights.
 */
import type { Projection } from '../../model/document.ts';
import type { OnlineO1Rule, PlasticityRule } from '../../model/document-plasticity.ts';
import { onlineO1Bounds } from '../learning/online-o1-config.ts';
import type {
  OnlineO1Plan,
  PlasticityPlan,
  RewardPlan,
  StpPlan,
  StructuralPlan,
  WeightRulePlan,
} from '../plan-plasticity.ts';
import { PLASTICITY_STREAM, streamKey } from '../random.ts';

const f = Math.fround;

/** Whether the projection's weights change while it runs (so they are stored per synapse). */
export function changesWeights(projection: Projection): boolean {
  return projection.plasticity !== undefined || projection.structural !== undefined;
}

/** Steps of an interval: round(interval / dt), at least one. */
function intervalSteps(interval: number, dt: number): number {
  return Math.max(1, Math.round(interval / dt));
}

/**
 * The plasticity plan of projection `index`, or undefined when it has none. With a weight rule
 * or structural plasticity, `weights` (CSR order) is what the backends start from; for OnlineO1
 * it is rewritten here to the delivered form of the initial integer weights.
 *
 * @param weights the projection's weights: per synapse (`perSynapseWeights`) whenever
 *   `changesWeights(projection)`
 * @param populationIndex document population ids to indices (validated: the reward exists)
 * @example compilePlasticity(pr, 0, weights, 0.1, 42, populationIndex)?.rule?.rule // 'stdp'
 */
export function compilePlasticity(
  projection: Projection,
  index: number,
  weights: Float32Array | { constant: number },
  dt: number,
  seed: number,
  populationIndex: ReadonlyMap<string, number>,
): PlasticityPlan | undefined {
  const { plasticity, stp, structural } = projection;
  if (plasticity === undefined && stp === undefined && structural === undefined) return undefined;
  const plan: PlasticityPlan = {};
  if (plasticity !== undefined) {
    plan.rule = compileRule(
      plasticity,
      requirePerSynapse(weights, projection),
      dt,
      populationIndex,
    );
  }
  if (stp !== undefined) {
    const stpPlan: StpPlan = { U: f(stp.U), kd: f(dt / stp.tau_d), kf: f(dt / stp.tau_f) };
    plan.stp = stpPlan;
  }
  if (structural !== undefined) {
    const structuralPlan: StructuralPlan = {
      intervalSteps: intervalSteps(structural.interval, dt),
      pruneBelow: f(structural.prune_below),
      growMax: Math.max(
        1,
        Math.floor(structural.growth_rate * requirePerSynapse(weights, projection).length),
      ),
      growLow: f(structural.grow_low),
      growSpan: f(structural.grow_high - structural.grow_low),
      pickKey: streamKey(seed, index, PLASTICITY_STREAM.structuralPick),
      weightKey: streamKey(seed, index, PLASTICITY_STREAM.structuralWeight),
    };
    plan.structural = structuralPlan;
  }
  return plan;
}

/**
 * Per-synapse weights for a projection whose weights change: the drawn array itself, or a
 * constant spread over `count` synapses.
 *
 * @example perSynapseWeights({ constant: 0.5 }, 3) // Float32Array [0.5, 0.5, 0.5]
 */
export function perSynapseWeights(
  weights: Float32Array | { constant: number },
  count: number,
): Float32Array {
  return weights instanceof Float32Array ? weights : new Float32Array(count).fill(weights.constant);
}

function requirePerSynapse(
  weights: Float32Array | { constant: number },
  projection: Projection,
): Float32Array {
  // compile() spreads the weights of every projection that changesWeights(); this is a bug guard.
  if (!(weights instanceof Float32Array)) {
    throw new Error(`projection '${projection.id}': plastic weights must be per synapse`);
  }
  return weights;
}

function compileRule(
  rule: PlasticityRule,
  weights: Float32Array,
  dt: number,
  populationIndex: ReadonlyMap<string, number>,
): WeightRulePlan {
  const decay = (tau: number) => f(Math.exp(-dt / tau));
  switch (rule.rule) {
    case 'stdp':
      return {
        rule: 'stdp',
        decayPre: decay(rule.tau_plus),
        decayPost: decay(rule.tau_minus),
        aPlus: f(rule.a_plus),
        aMinus: f(rule.a_minus),
        wMin: f(rule.w_min),
        wMax: f(rule.w_max),
      };
    case 'rstdp':
      return {
        rule: 'rstdp',
        decayPre: decay(rule.tau_plus),
        decayPost: decay(rule.tau_minus),
        aPlus: f(rule.a_plus),
        aMinus: f(rule.a_minus),
        wMin: f(rule.w_min),
        wMax: f(rule.w_max),
        decayEligibility: decay(rule.tau_eligibility),
        decayReward: decay(rule.tau_reward),
        dt: f(dt),
        reward: rewardPlan(rule.reward, f(rule.reward.amount), populationIndex),
      };
    case 'online_o1':
      return compileOnlineO1(rule, weights, populationIndex);
    case 'homeostatic': {
      const steps = intervalSteps(rule.interval, dt);
      return {
        rule: 'homeostatic',
        intervalSteps: steps,
        targetRate: f(rule.target_rate),
        rateScale: f(1000 / (steps * dt)),
        alpha: f(Math.min(1, (steps * dt) / rule.tau)),
        minScale: f(1 - rule.max_change),
        maxScale: f(1 + rule.max_change),
      };
    }
  }
}

/**
 * OnlineO1's initial integer weight of synapse e is `saturate(Math.round(w_e / weightScale))`
 * with `w_e` the drawn float32 weight and `weightScale = fround(weight_scale)`, the quotient in
 * float64 and `Math.round` rounding halves up (toward +Infinity); saturated to
 * [0, 2^weight_bits - 1]. The delivered weight becomes `fround(initial * weightScale)`.
 */
function compileOnlineO1(
  rule: OnlineO1Rule,
  weights: Float32Array,
  populationIndex: ReadonlyMap<string, number>,
): OnlineO1Plan {
  const weightScale = f(rule.weight_scale);
  const { maxWeight } = onlineO1Bounds(rule);
  const initialWeights = new Int32Array(weights.length);
  for (let e = 0; e < weights.length; e++) {
    const q = Math.round((weights[e] ?? 0) / weightScale);
    const w = q < 0 ? 0 : q > maxWeight ? maxWeight : q;
    initialWeights[e] = w;
    weights[e] = f(w * weightScale);
  }
  return {
    rule: 'online_o1',
    weightBits: rule.weight_bits,
    traceBits: rule.trace_bits,
    rewardBits: rule.reward_bits,
    learningShift: rule.learning_shift,
    traceDecayShift: rule.trace_decay_shift,
    weightScale,
    initialWeights,
    reward: rewardPlan(rule.reward, rule.reward.amount, populationIndex),
  };
}

function rewardPlan(
  reward: { population: string },
  amount: number,
  populationIndex: ReadonlyMap<string, number>,
): RewardPlan {
  const population = populationIndex.get(reward.population);
  // Validation refuses an unknown reward population; reaching this is a compile bug.
  if (population === undefined) {
    throw new Error(`reward population '${reward.population}' is not in the document`);
  }
  return { population, amount };
}
