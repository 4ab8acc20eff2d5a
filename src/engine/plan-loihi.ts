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

/** A `var` op's operand indexes the model's `LOIHI_RULE_VARIABLES` (x0 .. y3, u0..u9, w). */
export { LOIHI_RULE_VARIABLES, type LoihiRuleVariable } from '../model/loihi-rule-ast.ts';

/** Opcodes of a compiled learning rule, a postfix program over a float64 stack. */
export const RULE_OP = {
  /** push `args[i]` */
  const: 0,
  /** push the variable `LOIHI_RULE_VARIABLES[args[i]]` (model/loihi-rule-ast.ts) */
  var: 1,
  /** pop b, pop a, push a + b */
  add: 2,
  /** pop b, pop a, push a - b */
  sub: 3,
  /** pop b, pop a, push a * b */
  mul: 4,
  /** pop a, push -a */
  neg: 5,
  /** pop a, push sign(a) (0 for 0) */
  sign: 6,
} as const;

/**
 * brian2-loihi's `dw` compiled to postfix: `ops[i]` with operand `args[i]` (unused but by
 * `const` and `var`). Evaluated left to right in float64 it gives what Python gives for the
 * same expression (same operations, same order).
 */
export interface LoihiRuleProgram {
  ops: Uint8Array;
  args: Float64Array;
  /** Deepest stack the program needs. */
  maxStack: number;
}

/** Trace order in `LoihiLearningPlan` arrays and random keys. */
export const LOIHI_TRACE_ORDER = ['x1', 'x2', 'y1', 'y2', 'y3'] as const;

/**
 * A Loihi projection with a learning rule and/or traces (`ProjectionPlan.learning`), stepped
 * by CONTEXT.md step 5d. Per-synapse arrays are in CSR order.
 */
export interface LoihiLearningPlan {
  /** The compiled `dw`, or null when the projection only has traces (w stays constant). */
  rule: LoihiRuleProgram | null;
  /** Impulse of x1, x2, y1, y2, y3 (LOIHI_TRACE_ORDER); 0 = trace off. */
  impulse: Int32Array;
  /** Time constant of each trace, steps; 0 = trace off. */
  tau: Int32Array;
  /** Weight precision `2^(8 - (num_weight_bits - is_mixed))`. */
  precision: number;
  /** Mantissa range of the sign mode: mixed -256..254, excitatory 0..255, inhibitory -256..0. */
  wLow: number;
  wHigh: number;
  wExp: number;
  /** Initial mantissas (as given, not truncated), one per synapse. */
  mantissas: Float64Array;
  /**
   * Stream keys of the stochastic roundings: x1, x2, y1, y2, y3, dw (in that order), each
   * `streamKey(seed, projectionIndex, LOIHI_LEARN_STREAM + k)`. Synapse e at step t draws
   * `uniformFromBits(draw24(stepKey(key, t), e))`.
   */
  randomKeys: Uint32Array;
}
