/**
 * The compiled form of a `loihi` population (re-exported by `plan.ts`). Everything is an
 * integer; the step is CONTEXT.md's step 5c.
 */
export interface LoihiPlan {
  model: 'loihi';
  /** Refractory period, steps (1..64): a neuron is held for `refractory - 1` steps after a spike. */
  refractory: number;
  /** threshold_v_mant * 2^6: the neuron spikes when v > threshold. */
  threshold: number;
  /** decay_v (0..4096) */
  decayV: number;
  /** decay_I (0..4096) */
  decayI: number;
}

/**
 * |v| and |I| must stay below this (2^24): every state value is then an integer that float32
 * holds exactly, so state probes (float32 `TraceBlock.values`) and the CLI print it exactly, and
 * every intermediate (`x * decay` <= 2^36) is exact in float64 and in 64-bit integers. Loihi's
 * own v and I registers are 24-bit. A run that passes it stops with `NumericalError` rather
 * than record a rounded value.
 */
export const LOIHI_STATE_LIMIT = 2 ** 24;
