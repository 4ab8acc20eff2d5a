/**
 * The Loihi parts of the network document (see `document.ts`, which re-exports them): a
 * population of Loihi neurons and a Loihi synapse, with brian2-loihi's parameters and ranges
 * (sagacitysite/brian2_loihi: `LoihiNeuronGroup`, `LoihiSynapses`). Every value is an integer.
 */

/**
 * brian2-loihi's `LoihiNeuronGroup`, stepped at dt = 1 ms: integer current `I` and voltage `v`,
 * `I -= sign(I)*ceil(|I*decay_I/4096|)`, `v += -sign(v)*ceil(|v*decay_v/4096|) + I` unless
 * refractory, spike when `v > threshold_v_mant * 2^6`, reset `v = 0`.
 */
export interface LoihiParams {
  /** Refractory period, steps (1..64); 1 means never held. */
  refractory: number;
  /** Threshold mantissa (0..131071): the threshold is `threshold_v_mant * 2^6`. */
  threshold_v_mant: number;
  /** Voltage decay (0..4096): `tau_v = 4096 / decay_v` steps. */
  decay_v: number;
  /** Current decay (0..4096): `tau_I = 4096 / decay_I` steps. */
  decay_I: number;
}

/** brian2-loihi's `sign_mode` (its constants MIXED = 1, EXCITATORY = 2, INHIBITORY = 3). */
export type LoihiSignMode = 'mixed' | 'excitatory' | 'inhibitory';

export const LOIHI_SIGN_MODES: readonly LoihiSignMode[] = ['mixed', 'excitatory', 'inhibitory'];

/**
 * brian2-loihi's `LoihiSynapses` without learning: a spike adds the synapse's actual weight to
 * the target's `I`. The projection's `weight` (a constant) is the weight mantissa of every
 * synapse, or `mantissas` gives one per synapse. The actual weight is the mantissa truncated to
 * the precision `2^(8 - (num_weight_bits - is_mixed))`, scaled by `2^(6 + w_exp)`, floored to a
 * multiple of 2^6 and clipped to +-(2^21 - 2^6).
 */
export interface LoihiSynapse {
  kind: 'loihi';
  /** Weight exponent, -8..7. */
  w_exp: number;
  sign_mode: LoihiSignMode;
  /** Bits of weight precision, 0..8 (brian2-loihi's range). */
  num_weight_bits: number;
  /**
   * One weight mantissa per synapse, in connection order (sources ascending, then targets
   * ascending); only with `all_to_all` or `one_to_one`, whose synapse count is known. When
   * present it replaces the projection's `weight`.
   */
  mantissas?: number[];
  /**
   * brian2-loihi's learning rule `dw`, e.g. `"2^-2*x1*y0 - 2^-2*y1*x0"`: a sum of products of
   * x0, x1, x2, y0, y1, y2, y3, u0..u9, w, sign(...), integers and 2^k (k = -7..9), with
   * brian2-loihi's validation (`loihi-rule.ts`). Absent or empty: no learning (w is constant).
   * The mantissas then change every step (CONTEXT.md step 5d).
   */
  dw?: string;
  /** The pre traces x1, x2 and post traces y1, y2, y3 the rule reads; an absent trace is off. */
  traces?: Partial<Record<LoihiTraceName, LoihiTrace>>;
}

/** brian2-loihi's synaptic traces: pre (x1, x2, driven by the source) and post (y1..y3). */
export type LoihiTraceName = 'x1' | 'x2' | 'y1' | 'y2' | 'y3';

export const LOIHI_TRACE_NAMES: readonly LoihiTraceName[] = ['x1', 'x2', 'y1', 'y2', 'y3'];

/**
 * One trace: on each spike `x = min(127, x + impulse)`; every step `x = x * (1 - 1/tau)`,
 * stochastically rounded to an integer (brian2-loihi's `imp_x1`, `tau_x1`, ...).
 */
export interface LoihiTrace {
  /** 1..127 (brian2-loihi allows 0, which turns the trace off: leave the trace out instead). */
  impulse: number;
  /** Time constant in steps, an integer >= 1. */
  tau: number;
}
