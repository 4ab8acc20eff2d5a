/**
 * What the inspector shows for a `loihi` population: brian2-loihi's integer parameters in the
 * chip's own units (mantissas and decays), with `loihiEffective` giving the value each one
 * stands for (threshold in voltage units, time constants in steps).
 */
import { LOIHI_SIGN_MODES, type LoihiParams, type LoihiSynapse } from './document-loihi.ts';
import type { InfoList, ParamInfo } from './param-info.ts';

/** The `loihi` entry of `PARAM_INFO`. */
export const LOIHI_PARAM_INFO: InfoList<'loihi'> = [
  {
    key: 'threshold_v_mant',
    label: 'Threshold mantissa',
    unit: 'mantissa',
    input: 'number',
    min: 0,
    max: 131071,
    step: 1,
    description: 'The neuron spikes when v > threshold_v_mant * 2^6 (v is an integer).',
  },
  {
    key: 'decay_v',
    label: 'Voltage decay',
    unit: '1/4096',
    input: 'number',
    min: 0,
    max: 4096,
    step: 1,
    description:
      'Each step v loses ceil(|v| * decay_v / 4096) towards 0; tau_v = 4096 / decay_v steps ' +
      '(0: no leak).',
  },
  {
    key: 'decay_I',
    label: 'Current decay',
    unit: '1/4096',
    input: 'number',
    min: 0,
    max: 4096,
    step: 1,
    description:
      'Each step I loses ceil(|I| * decay_I / 4096) towards 0; tau_I = 4096 / decay_I steps ' +
      '(4096: the current lasts one step).',
  },
  {
    key: 'refractory',
    label: 'Refractory period',
    unit: 'steps',
    input: 'number',
    min: 1,
    max: 64,
    step: 1,
    description: 'Steps a neuron stays silent counting its spike step (1: never held); v stays 0.',
  },
];

/** The effective values behind the mantissas, for display beside them. */
export interface LoihiEffective {
  /** threshold_v_mant * 2^6 */
  threshold: number;
  /** 4096 / decay_v steps, Infinity for 0. */
  tauV: number;
  /** 4096 / decay_I steps, Infinity for 0. */
  tauI: number;
}

/** @example loihiEffective({ threshold_v_mant: 70, ... }).threshold // 4480 */
export function loihiEffective(params: LoihiParams): LoihiEffective {
  return {
    threshold: params.threshold_v_mant * 64,
    tauV: params.decay_v === 0 ? Infinity : 4096 / params.decay_v,
    tauI: params.decay_I === 0 ? Infinity : 4096 / params.decay_I,
  };
}

/** What an editor of a Loihi synapse shows for its fields (the mantissas are the weights). */
export const LOIHI_SYNAPSE_INFO: readonly ParamInfo<'w_exp' | 'sign_mode' | 'num_weight_bits'>[] = [
  {
    key: 'w_exp',
    label: 'Weight exponent',
    unit: 'exponent',
    input: 'number',
    min: -8,
    max: 7,
    step: 1,
    description:
      'Every weight mantissa is scaled by 2^(6 + w_exp) (then floored to a multiple of 64).',
  },
  {
    key: 'sign_mode',
    label: 'Sign mode',
    unit: '',
    input: 'choice',
    options: LOIHI_SIGN_MODES,
    description: 'Mantissa range: mixed -256..254, excitatory 0..255, inhibitory -256..0.',
  },
  {
    key: 'num_weight_bits',
    label: 'Weight bits',
    unit: 'bits',
    input: 'number',
    min: 0,
    max: 8,
    step: 1,
    description:
      'Precision of the mantissa: it is truncated to a multiple of 2^(8 - bits), ' +
      '2^(9 - bits) in mixed mode.',
  },
];

/**
 * The factor from mantissa to actual weight, 2^(6 + w_exp), and the mantissa step the
 * precision leaves, for display beside the synapse's fields.
 *
 * @example loihiWeightScale({ kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 }) // { scale: 64, step: 2 }
 */
export function loihiWeightScale(synapse: LoihiSynapse): { scale: number; step: number } {
  const isMixed = synapse.sign_mode === 'mixed' ? 1 : 0;
  return {
    scale: 2 ** (6 + synapse.w_exp),
    step: Math.max(1, 2 ** (8 - (synapse.num_weight_bits - isMixed))),
  };
}
