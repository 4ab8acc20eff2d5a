/**
 * Compiles Loihi populations and Loihi synapses (brian2-loihi's `LoihiNeuronGroup` and
 * `LoihiSynapses` without learning).
 */
import type { LoihiParams, LoihiSynapse, Projection } from '../../model/index.ts';
import type { CsrConnectivity } from '../plan.ts';
import type { LoihiPlan } from '../plan-loihi.ts';

export function compileLoihi(params: LoihiParams): LoihiPlan {
  return {
    model: 'loihi',
    refractory: params.refractory,
    threshold: params.threshold_v_mant * 64,
    decayV: params.decay_v,
    decayI: params.decay_I,
  };
}

/** brian2-loihi's weight limit: 21 bits with the low 6 bits zero. */
const WEIGHT_LIMIT = 2 ** 21 - 2 ** 6;

/**
 * The actual weight of a mantissa, brian2-loihi's `calcActualWeights`: truncate towards 0 to
 * the precision `2^(8 - (num_weight_bits - is_mixed))`, scale by `2^(6 + w_exp)`, floor to a
 * multiple of 2^6, clip to +-(2^21 - 2^6). Every intermediate is exact in float64, and the
 * result (a multiple of 64 below 2^21) is exact in float32.
 *
 * @example loihiActualWeight(50, { kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 }) // 3200
 */
export function loihiActualWeight(mantissa: number, synapse: LoihiSynapse): number {
  const isMixed = synapse.sign_mode === 'mixed' ? 1 : 0;
  const precision = 2 ** (8 - (synapse.num_weight_bits - isMixed));
  const shifted = Math.trunc(mantissa / precision) * precision;
  const scaled = shifted * 2 ** (6 + synapse.w_exp);
  const floored = Math.floor(scaled / 64) * 64;
  // `+ 0` turns a -0 (from a negative mantissa truncated to 0) into 0.
  return Math.min(WEIGHT_LIMIT, Math.max(-WEIGHT_LIMIT, floored)) + 0;
}

/**
 * The actual weights of a Loihi projection, in CSR order (the same order as `mantissas`: sources
 * ascending, targets ascending), or one shared weight.
 */
export function loihiWeights(
  projection: Projection,
  synapse: LoihiSynapse,
  count: number,
): CsrConnectivity['weights'] {
  const list = synapse.mantissas;
  if (list === undefined) {
    const w = projection.weight;
    // Validation allows only a constant mantissa without a list.
    const mantissa = w.kind === 'constant' ? w.value : 0;
    return { constant: loihiActualWeight(mantissa, synapse) };
  }
  const out = new Float32Array(count);
  for (let e = 0; e < count; e++) out[e] = loihiActualWeight(list[e] ?? 0, synapse);
  return out;
}

/**
 * A Loihi population steps after delivery (CONTEXT.md step 5c), so its spikes of step t reach
 * their targets from step t+1 on, as Brian's `synapses` slot of t+1 reads the spikes of the
 * `thresholds` slot of t. The compile adds that step to every delay of a Loihi source.
 */
export function shiftDelays(delays: CsrConnectivity['delays']): CsrConnectivity['delays'] {
  if (!(delays instanceof Uint8Array)) return { constant: delays.constant + 1 };
  return delays.map((d) => d + 1);
}
