/**
 * Parameters of the classroom models, `izhikevich` and `adex`. Conditions between two fields
 * (v_peak above v_t and v_reset, uniform v_init ranges) are cross-checks (`checks/classic-models.ts`).
 */
import type { AdexParams, IzhikevichParams } from '../document.ts';
import { number, object, withDefault } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { initialValueSchema } from './distributions.ts';

/** Izhikevich (2003) a, b, c, d in his units; "off" values (no bias, no noise) may be left out. */
export const izhikevichParamsSchema: Schema<IzhikevichParams> = object({
  a: number({ description: 'Recovery rate, 1/ms.' }),
  b: number({ description: 'Sensitivity of u to v.' }),
  c: number({ description: 'Reset potential, mV.' }),
  d: number({ description: 'Jump of u at a spike.' }),
  bias: withDefault(number(), 0),
  noise_std: withDefault(number({ min: 0 }), 0),
  v_init: withDefault(initialValueSchema, { kind: 'constant', value: -65 }),
});

/** Brette & Gerstner (2005) AdEx in pF, nS, mV, ms, pA. */
export const adexParamsSchema: Schema<AdexParams> = object({
  c: number({ gt: 0, description: 'Membrane capacitance, pF.' }),
  g_l: number({ gt: 0, description: 'Leak conductance, nS.' }),
  e_l: number({ description: 'Leak reversal potential, mV.' }),
  v_t: number({ description: 'Threshold potential, mV.' }),
  delta_t: number({ gt: 0, description: 'Slope factor, mV.' }),
  v_peak: number({ description: 'Spike cut, mV.' }),
  v_reset: number({ description: 'Reset potential, mV.' }),
  tau_w: number({ gt: 0, description: 'Adaptation time constant, ms.' }),
  a: number({ description: 'Subthreshold adaptation, nS.' }),
  b: number({ description: 'Spike-triggered adaptation, pA.' }),
  refractory_period: withDefault(number({ min: 0, description: 'ms' }), 0),
  bias: withDefault(number(), 0),
  noise_std: withDefault(number({ min: 0 }), 0),
  v_init: initialValueSchema,
});
