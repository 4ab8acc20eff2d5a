/**
 * The plasticity parts of a classic projection (`document-plasticity.ts`): the weight rule
 * (tagged by `rule`), Tsodyks-Markram short-term plasticity and structural plasticity. The
 * schema checks each number alone (finite, sign, range); what depends on other fields (w_min <=
 * w_max, grow_low <= grow_high, intervals >= dt, the OnlineO1 configuration, the reward
 * population) is checked in `checks/plasticity.ts`.
 */
import type {
  HomeostaticRule,
  OnlineO1Rule,
  PlasticityRule,
  RewardSource,
  RstdpRule,
  ShortTermPlasticity,
  StdpRule,
  StructuralPlasticity,
} from '../document-plasticity.ts';
import { literal, number, object, taggedUnion } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { idSchema } from './populations.ts';

const ms = (description: string) => number({ gt: 0, description: `${description}, ms (> 0).` });

const stdpFields = {
  a_plus: number({
    min: 0,
    description: 'Potentiation of a pre-before-post pair at dt = 0+, weight units (>= 0).',
  }),
  a_minus: number({
    min: 0,
    description: 'Depression of a post-before-pre pair at dt = 0-, weight units (>= 0).',
  }),
  tau_plus: ms('Decay of the pre trace'),
  tau_minus: ms('Decay of the post trace'),
  w_min: number({ description: 'Lowest weight (<= w_max).' }),
  w_max: number({ description: 'Highest weight.' }),
};

const rewardSchema: Schema<RewardSource> = object({
  population: idSchema,
  amount: number({ description: 'Added to the reward per spike (negative: punishment).' }),
});

const stdpSchema: Schema<StdpRule> = object({ rule: literal('stdp'), ...stdpFields });

const rstdpSchema: Schema<RstdpRule> = object({
  rule: literal('rstdp'),
  ...stdpFields,
  tau_eligibility: ms('Decay of the eligibility trace'),
  tau_reward: ms('Decay of the reward trace'),
  reward: rewardSchema,
});

// The integer fields are only required finite here: `checks/plasticity.ts` reports
// validateOnlineO1Config's own messages (ranges, reward_bits + trace_bits) per field.
const onlineO1Schema: Schema<OnlineO1Rule> = object({
  rule: literal('online_o1'),
  weight_bits: number({ description: 'Unsigned weight width, bits (1..31).' }),
  trace_bits: number({ description: 'Trace width, bits (2..30).' }),
  reward_bits: number({ description: 'Signed reward width, bits (1..30).' }),
  learning_shift: number({
    description: 'weight += (reward * eligibility) >> learning_shift (0..30).',
  }),
  trace_decay_shift: number({
    description: 'Each step every trace loses v >> trace_decay_shift (0..30; 0: no decay).',
  }),
  weight_scale: number({ gt: 0, description: 'Weight units per integer weight step (> 0).' }),
  reward: rewardSchema,
});

const homeostaticSchema: Schema<HomeostaticRule> = object({
  rule: literal('homeostatic'),
  target_rate: number({ gt: 0, description: 'Target firing rate, Hz (> 0).' }),
  tau: ms('Time constant of the rate estimate'),
  interval: ms('How often weights are scaled (>= dt; rounded to whole steps)'),
  max_change: number({
    gt: 0,
    lt: 1,
    description: 'Largest relative change per interval (0 < max_change < 1).',
  }),
});

/** A weight rule: STDP, reward-modulated STDP, OnlineO1 or homeostatic scaling. */
export const plasticityRuleSchema: Schema<PlasticityRule> = taggedUnion('rule', {
  stdp: stdpSchema,
  rstdp: rstdpSchema,
  online_o1: onlineO1Schema,
  homeostatic: homeostaticSchema,
});

/** Tsodyks-Markram short-term plasticity per source neuron. */
export const stpSchema: Schema<ShortTermPlasticity> = object({
  U: number({ gt: 0, max: 1, description: 'Baseline utilisation (0 < U <= 1).' }),
  tau_d: ms('Depression (recovery) time constant'),
  tau_f: ms('Facilitation time constant'),
});

/** Pruning and growth of the projection's synapses. */
export const structuralSchema: Schema<StructuralPlasticity> = object({
  interval: ms('How often synapses are pruned and grown (>= dt; rounded to whole steps)'),
  prune_below: number({
    min: 0,
    description: 'Synapses with |w| below this are pruned (>= 0).',
  }),
  growth_rate: number({
    min: 0,
    max: 1,
    description: 'Fraction of the synapses that may grow per interval (0..1).',
  }),
  grow_low: number({ description: 'Lowest weight of a grown synapse (<= grow_high).' }),
  grow_high: number({ description: 'Highest weight of a grown synapse.' }),
});
