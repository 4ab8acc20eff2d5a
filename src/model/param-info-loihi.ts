/**
 * What the inspector shows for a `loihi` population: brian2-loihi's integer parameters in the
 * chip's own units (mantissas and decays), with `loihiEffective` giving the value each one
 * stands for (threshold in voltage units, time constants in steps).
 */
import type { LoihiParams } from './document-loihi.ts';
import type { InfoList } from './param-info.ts';

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
