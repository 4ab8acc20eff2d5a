/**
 * An SC layer that integrates in fixed point (`sc_dense` with `fixed_point`) integrates as a
 * `fixed_point_lif` population: this is that population's parameters, so the fixed-point
 * checks and the compile's quantisation are the LIF's own, written once.
 */
import type { FixedPointLifParams, ScDenseParams, ScFixedPoint } from './document.ts';

/**
 * The `fixed_point_lif` parameters of layer `params` with widths `widths`: its LIF values, no
 * bias (its current is the SC count's), every neuron starting at `v_rest` (as the float layer).
 *
 * @example scFixedAsLif(layer.params, { total_bits: 16, fraction_bits: 8, scale_bits: 12 }).v_threshold
 */
export function scFixedAsLif(params: ScDenseParams, widths: ScFixedPoint): FixedPointLifParams {
  return {
    total_bits: widths.total_bits,
    fraction_bits: widths.fraction_bits,
    scale_bits: widths.scale_bits,
    v_rest: params.v_rest,
    v_reset: params.v_reset,
    v_threshold: params.v_threshold,
    tau_mem: params.tau_mem,
    resistance: params.resistance,
    refractory_period: params.refractory_period,
    bias: 0,
    v_init: { kind: 'constant', value: params.v_rest },
  };
}
