/**
 * What the Plasticity section shows for each weight rule, short-term and structural plasticity:
 * one entry per number field (label, unit, the checks the field makes before the document
 * sees the value, and a description that teaches what the parameter does). Units marked
 * `weight` are the projection's weight units (`weightUnit`).
 */
import type {
  HomeostaticRule,
  OnlineO1Rule,
  PlasticityRuleName,
  ShortTermPlasticity,
  StdpRule,
  StructuralPlasticity,
} from '../../model/index.ts';
import { ONLINE_O1_FIELD_RANGES } from '../../engine/learning/online-o1-config.ts';

/** `weight` stands for the projection's weight units, filled in when the field is drawn. */
export type ParamUnit = 'weight' | 'ms' | 'Hz' | 'bits' | '';

export interface ParamSpec<K extends string> {
  key: K;
  label: string;
  unit: ParamUnit;
  description: string;
  min?: number;
  max?: number;
  integer?: boolean;
  step?: number;
}

/** What the rule picker offers; `none` keeps the weights fixed. */
export type RuleChoice = 'none' | PlasticityRuleName;

export const RULE_CHOICES: readonly { value: RuleChoice; label: string }[] = [
  { value: 'none', label: 'None (fixed weights)' },
  { value: 'stdp', label: 'STDP (pair-based)' },
  { value: 'rstdp', label: 'R-STDP (reward-modulated)' },
  { value: 'online_o1', label: 'OnlineO1 (fixed-point, rewarded)' },
  { value: 'homeostatic', label: 'Homeostatic scaling' },
];

/** The paragraph under the picker: what the rule does and what to watch. */
export const RULE_DESCRIPTIONS: Readonly<Record<RuleChoice, string>> = {
  none: 'The weights stay as set. Pick a rule to let them change while the network runs.',
  stdp:
    'Spike-timing-dependent plasticity (Song, Miller & Abbott 2000). A source spike that comes ' +
    'dt ms before a target spike strengthens the synapse by A+·exp(-dt/τ+); one that comes dt ms ' +
    'after weakens it by A−·exp(-dt/τ−). Inputs that help the target fire gain weight, the ' +
    'others lose it, always within [w min, w max].',
  rstdp:
    'Reward-modulated STDP (Izhikevich 2007). Spike pairs do not change the weight directly: ' +
    'they mark the synapse as eligible (a trace that fades with τ eligibility). A spike of the ' +
    'reward population releases reward, and eligible synapses then move by reward × ' +
    'eligibility. Only pairings followed by reward within about τ eligibility are learned.',
  online_o1:
    "sc-neurocore's fixed-point online learner: integer pre and post traces, an eligibility " +
    'and a weight, each of a stated width, saturating at their bounds. The weight changes by ' +
    '(reward × eligibility) >> learning shift; the delivered weight is the integer times the ' +
    'weight scale.',
  homeostatic:
    'Synaptic scaling (Turrigiano 2008). Every interval each target neuron compares its ' +
    'running rate with the target rate and multiplies all its incoming weights of this ' +
    'projection by target / rate (limited by max change): quiet neurons scale up, busy ones down.',
};

const STDP_PARAMS: readonly ParamSpec<keyof Omit<StdpRule, 'rule'>>[] = [
  {
    key: 'a_plus',
    label: 'A+ (potentiation)',
    unit: 'weight',
    min: 0,
    description: 'Weight added by a source spike just before a target spike (dt → 0+).',
  },
  {
    key: 'a_minus',
    label: 'A− (depression)',
    unit: 'weight',
    min: 0,
    description:
      'Weight removed by a source spike just after a target spike (dt → 0−). A little larger ' +
      'than A+ keeps uncorrelated inputs from all growing.',
  },
  {
    key: 'tau_plus',
    label: 'τ+ (pre trace)',
    unit: 'ms',
    min: 0,
    description: 'How far back a source spike still counts for potentiation (the window’s width).',
  },
  {
    key: 'tau_minus',
    label: 'τ− (post trace)',
    unit: 'ms',
    min: 0,
    description: 'How far back a target spike still counts for depression.',
  },
  {
    key: 'w_min',
    label: 'w min',
    unit: 'weight',
    description: 'The weight never falls below this.',
  },
  {
    key: 'w_max',
    label: 'w max',
    unit: 'weight',
    description: 'The weight never rises above this.',
  },
];

const RSTDP_EXTRA: readonly ParamSpec<'tau_eligibility' | 'tau_reward'>[] = [
  {
    key: 'tau_eligibility',
    label: 'τ eligibility',
    unit: 'ms',
    min: 0,
    description:
      'How long a spike pairing stays eligible for reward: the longest delay between a pairing ' +
      'and its reward that still teaches.',
  },
  {
    key: 'tau_reward',
    label: 'τ reward',
    unit: 'ms',
    min: 0,
    description: 'How long one reward spike keeps acting (the reward trace’s decay).',
  },
];

type OnlineO1Key = keyof Omit<OnlineO1Rule, 'rule' | 'reward'>;

function bitsField(key: Exclude<OnlineO1Key, 'weight_scale'>, label: string, text: string) {
  const [min, max] = ONLINE_O1_FIELD_RANGES[key];
  return { key, label, unit: 'bits' as const, min, max, integer: true, step: 1, description: text };
}

const ONLINE_O1_PARAMS: readonly ParamSpec<OnlineO1Key>[] = [
  bitsField('weight_bits', 'Weight width', 'The integer weight lives in [0, 2^bits − 1].'),
  bitsField(
    'trace_bits',
    'Trace width',
    'A spike sets its trace to 2^bits − 1; the eligibility is signed, of the same width.',
  ),
  bitsField(
    'reward_bits',
    'Reward width',
    'A step’s reward is saturated to the signed range of this width.',
  ),
  {
    ...bitsField(
      'learning_shift',
      'Learning shift',
      'weight += (reward × eligibility) >> shift: each step more slows learning by half.',
    ),
    unit: '',
  },
  {
    ...bitsField(
      'trace_decay_shift',
      'Trace decay shift',
      'Each step a trace loses value >> shift (0: no decay); larger decays slower.',
    ),
    unit: '',
  },
  {
    key: 'weight_scale',
    label: 'Weight scale',
    unit: 'weight',
    min: 0,
    description:
      'What one integer weight step delivers; the initial integer weight is the weight divided by this.',
  },
];

const HOMEOSTATIC_PARAMS: readonly ParamSpec<keyof Omit<HomeostaticRule, 'rule'>>[] = [
  {
    key: 'target_rate',
    label: 'Target rate',
    unit: 'Hz',
    min: 0,
    description: 'The firing rate each target neuron is steered toward.',
  },
  {
    key: 'tau',
    label: 'τ rate estimate',
    unit: 'ms',
    min: 0,
    description: 'Time constant of the running rate estimate: longer is smoother and slower.',
  },
  {
    key: 'interval',
    label: 'Interval',
    unit: 'ms',
    min: 0,
    description: 'How often the weights are scaled (rounded to whole steps).',
  },
  {
    key: 'max_change',
    label: 'Max change',
    unit: '',
    min: 0,
    max: 1,
    step: 0.05,
    description: 'Largest relative change per interval: 0.1 scales by at most ×0.9 or ×1.1.',
  },
];

/** The number fields of a rule, in the order they are shown. */
export function ruleParams(rule: PlasticityRuleName): readonly ParamSpec<string>[] {
  switch (rule) {
    case 'stdp':
      return STDP_PARAMS;
    case 'rstdp':
      return [...STDP_PARAMS, ...RSTDP_EXTRA];
    case 'online_o1':
      return ONLINE_O1_PARAMS;
    case 'homeostatic':
      return HOMEOSTATIC_PARAMS;
  }
}

/** A reward population and its amount: what R-STDP and OnlineO1 read. */
export function rewarded(rule: PlasticityRuleName): boolean {
  return rule === 'rstdp' || rule === 'online_o1';
}

export const REWARD_DESCRIPTION =
  'Each spike of this population delivers the amount below as reward (negative: punishment). A ' +
  'spike generator gives rewards at chosen times.';

export const STP_DESCRIPTION =
  'Tsodyks-Markram short-term plasticity: each source spike uses a fraction u of the ' +
  'resources x and delivers weight × u·x. Resources recover with τ d (depression); u jumps at ' +
  'each spike and relaxes back to U with τ f (facilitation). The stored weight does not change.';

export const STP_PARAMS: readonly ParamSpec<keyof ShortTermPlasticity>[] = [
  {
    key: 'U',
    label: 'U (utilisation)',
    unit: '',
    min: 0,
    max: 1,
    step: 0.05,
    description: 'Fraction of the resources the first spike of a train uses (0 < U ≤ 1).',
  },
  {
    key: 'tau_d',
    label: 'τ d (recovery)',
    unit: 'ms',
    min: 0,
    description: 'Resources recover with this time constant: longer depresses more.',
  },
  {
    key: 'tau_f',
    label: 'τ f (facilitation)',
    unit: 'ms',
    min: 0,
    description: 'u relaxes back to U with this time constant: longer facilitates more.',
  },
];

export const STRUCTURAL_DESCRIPTION =
  'Every interval, synapses weaker than the prune threshold are removed (weight 0) and as many ' +
  'new ones, up to the growth rate, grow at random among the removed, with a weight drawn in ' +
  '[grow low, grow high]. The connectivity is the set of possible synapses.';

export const STRUCTURAL_PARAMS: readonly ParamSpec<keyof StructuralPlasticity>[] = [
  {
    key: 'interval',
    label: 'Interval',
    unit: 'ms',
    min: 0,
    description: 'How often synapses are pruned and grown.',
  },
  {
    key: 'prune_below',
    label: 'Prune below',
    unit: 'weight',
    min: 0,
    description: 'Synapses with |w| below this are removed.',
  },
  {
    key: 'growth_rate',
    label: 'Growth rate',
    unit: '',
    min: 0,
    max: 1,
    step: 0.05,
    description: 'Fraction of the synapses that may grow back per interval.',
  },
  {
    key: 'grow_low',
    label: 'Grow low',
    unit: 'weight',
    description: 'Lowest weight of a new synapse.',
  },
  {
    key: 'grow_high',
    label: 'Grow high',
    unit: 'weight',
    description: 'Highest weight of a new synapse.',
  },
];
