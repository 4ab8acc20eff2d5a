/**
 * The `nir_neuron` model's plan (CONTEXT.md step 2g): per-neuron float32 coefficients of the one
 * update every NIR type shares, computed in float64 from the document's values (one number for
 * all neurons or one per neuron) and rounded once.
 */
import type { NirNeuronParams, NirNumberField } from '../../model/document.ts';
import { nirField } from '../../model/document-nir.ts';
import type { NirNeuronPlan } from '../plan.ts';

/** `1 - exp(-x)` without the cancellation of `1 - Math.exp(-x)` for small x. */
function oneMinusExp(x: number): number {
  return -Math.expm1(-x);
}

/**
 * The coefficients of each neuron (dt and taus in ms):
 * - exact: `leak = 1 - exp(-dt/tau_mem)`, `gain = r * leak`, `synDecay = exp(-dt/tau_syn)`,
 *   `synGain = w_in * (1 - exp(-dt/tau_syn))`;
 * - euler: `leak = dt/tau_mem`, `gain = r * dt/tau_mem`, `synDecay = 1 - dt/tau_syn`,
 *   `synGain = w_in * dt/tau_syn`;
 * - IF and I: `leak = 0`, `gain = r * dt`; Threshold: `leak = 1`, `vLeak = 0`, `gain = 1`,
 *   `vReset = 0` (so V = u); non-spiking types: `vThreshold = +Infinity`.
 *
 * @example compileNirNeuron({ type: 'IF', discretisation: 'exact', r: 2, v_threshold: 1, v_reset: 0, bias: 0, v_init: 0 }, 3, 0.5).gain // Float32Array [1, 1, 1]
 */
export function compileNirNeuron(params: NirNeuronParams, size: number, dt: number): NirNeuronPlan {
  const at = (key: NirNumberField, j: number, fallback: number): number => {
    const v = nirField(params, key);
    if (v === undefined) return fallback;
    return Array.isArray(v) ? (v[j] ?? fallback) : v;
  };
  const arrays = (): Float32Array => new Float32Array(size);
  const plan: NirNeuronPlan = {
    model: 'nir_neuron',
    type: params.type,
    cuba: params.type === 'CubaLIF' || params.type === 'CubaLI',
    leak: arrays(),
    gain: arrays(),
    vLeak: arrays(),
    vThreshold: arrays(),
    vReset: arrays(),
    bias: arrays(),
    synDecay: arrays(),
    synGain: arrays(),
    vInit: arrays(),
  };
  const euler = params.discretisation === 'euler';
  const t = params.type;
  const leaky = t === 'LIF' || t === 'LI' || t === 'CubaLIF' || t === 'CubaLI';
  const spikes = t === 'LIF' || t === 'IF' || t === 'CubaLIF' || t === 'Threshold';
  for (let j = 0; j < size; j++) {
    const r = at('r', j, 1);
    let leak: number;
    let gain: number;
    switch (params.type) {
      case 'IF':
      case 'I':
        leak = 0;
        gain = r * dt;
        break;
      case 'Threshold':
        leak = 1;
        gain = 1;
        break;
      case 'LIF':
      case 'LI':
      case 'CubaLIF':
      case 'CubaLI': {
        const x = dt / at('tau_mem', j, 1);
        leak = euler ? x : oneMinusExp(x);
        gain = r * leak;
        break;
      }
    }
    plan.leak[j] = leak;
    plan.gain[j] = gain;
    // Only the type's own fields are read (the others are 0 or +Infinity whatever they hold).
    plan.vLeak[j] = leaky ? at('v_leak', j, 0) : 0;
    plan.vThreshold[j] = spikes ? at('v_threshold', j, 0) : Infinity;
    plan.vReset[j] = spikes && params.type !== 'Threshold' ? at('v_reset', j, 0) : 0;
    plan.bias[j] = at('bias', j, 0);
    plan.vInit[j] = at('v_init', j, 0);
    if (plan.cuba) {
      const y = dt / at('tau_syn', j, 1);
      const w = at('w_in', j, 1);
      plan.synDecay[j] = euler ? 1 - y : Math.exp(-y);
      plan.synGain[j] = w * (euler ? y : oneMinusExp(y));
    }
  }
  return plan;
}
