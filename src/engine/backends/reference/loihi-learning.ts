/**
 * Step 5d of CONTEXT.md for the reference backend: the per-synapse state of Loihi projections
 * with `learning` (brian2-loihi's `LoihiSynapses` with traces and `dw`): pre and post impulses,
 * the rule's update of the weight mantissa with stochastic rounding, and the traces' decay.
 * Delivery (`deliverLoihi`) uses `wAct` from here and marks `x0` of each synapse whose event
 * arrives.
 */
import { NumericalError } from '../../errors.ts';
import type { Plan, ProjectionPlan } from '../../plan.ts';
import {
  LOIHI_TRACE_ORDER,
  RULE_OP,
  type LoihiLearningPlan,
  type LoihiRuleProgram,
} from '../../plan-loihi.ts';
import { draw24, stepKey, uniformFromBits } from '../../random.ts';
import type { SynapseVariable } from '../../../model/document.ts';

/** brian2-loihi's actual-weight limit: 21 bits with the low 6 bits zero. */
const WEIGHT_LIMIT = 2 ** 21 - 2 ** 6;
/** Indices into `LOIHI_RULE_VARIABLES`: x0 x1 x2 y0 y1 y2 y3, then u0..u9 from 7, w at 17. */
const VAR_X0 = 0;
const VAR_Y0 = 3;
const VAR_U0 = 7;
const VAR_W = 17;
/** Where trace k of LOIHI_TRACE_ORDER (x1, x2, y1, y2, y3) sits among the rule's variables. */
const TRACE_VAR = [1, 2, 4, 5, 6] as const;
/** Traces 0, 1 (x1, x2) follow the source; 2..4 (y1..y3) the target. */
const FIRST_POST_TRACE = 2;
/** Index of dw's stream in `randomKeys`, after the five traces. */
const DW_STREAM = LOIHI_TRACE_ORDER.length;
/** Trace probe variables and their index in LOIHI_TRACE_ORDER. */
const TRACE_INDEX: ReadonlyMap<SynapseVariable, number> = new Map(
  LOIHI_TRACE_ORDER.map((name, k) => [name, k]),
);

/** The step-5d state of one learning projection, per synapse in CSR order. */
export interface LearningState {
  projection: ProjectionPlan;
  plan: LoihiLearningPlan;
  /** Id and index of the target population, for `NumericalError`. */
  targetId: string;
  w: Float64Array;
  wAct: Float64Array;
  /** x1, x2, y1, y2, y3 (LOIHI_TRACE_ORDER) per synapse, integers 0..127; empty when off. */
  traces: Uint8Array[];
  /**
   * Traces as they stood after this step's pre impulses and before its post impulses (where
   * brian2-loihi's monitors read them), for the traces some probe reads; empty for the others.
   */
  sampled: Uint8Array[];
  /** Pre flag: set by delivery when the synapse's event arrives, cleared by the update. */
  x0: Uint8Array;
  y0: Uint8Array;
  /** The rule's variables of one synapse (LOIHI_RULE_VARIABLES order) and its stack. */
  vars: Float64Array;
  stack: Float64Array;
}

/** The learning state of each projection that has `learning` (undefined for the others). */
export function allocateLearning(plan: Plan): (LearningState | undefined)[] {
  return plan.projections.map((pr, index) => {
    const learning = pr.learning;
    if (!learning) return undefined;
    const n = pr.csr.targets.length;
    const probed = new Set(
      plan.probes.flatMap((p) =>
        p.kind === 'synapse' && p.projection === index ? [TRACE_INDEX.get(p.variable)] : [],
      ),
    );
    const state: LearningState = {
      projection: pr,
      plan: learning,
      targetId: plan.populations[pr.target]?.id ?? String(pr.target),
      w: new Float64Array(n),
      wAct: new Float64Array(n),
      traces: LOIHI_TRACE_ORDER.map((_, k) => new Uint8Array(traceOn(learning, k) ? n : 0)),
      sampled: LOIHI_TRACE_ORDER.map((_, k) => new Uint8Array(probed.has(k) ? n : 0)),
      x0: new Uint8Array(n),
      y0: new Uint8Array(n),
      vars: new Float64Array(VAR_W + 1),
      stack: new Float64Array(Math.max(1, learning.rule?.maxStack ?? 1)),
    };
    resetOne(state);
    return state;
  });
}

function traceOn(plan: LoihiLearningPlan, k: number): boolean {
  return (plan.impulse[k] ?? 0) > 0;
}

/**
 * The actual weight of a learned mantissa (CONTEXT.md 5d: not truncated to the precision),
 * `scale` being 2^(6 + w_exp). Every step is exact in float64.
 *
 * @example learnedActualWeight(13, 2 ** 6) // 832
 */
export function learnedActualWeight(w: number, scale: number): number {
  const floored = Math.floor((w * scale) / 64) * 64;
  // `+ 0` turns a -0 into 0.
  return Math.min(WEIGHT_LIMIT, Math.max(-WEIGHT_LIMIT, floored)) + 0;
}

function resetOne(s: LearningState): void {
  const { mantissas } = s.plan;
  const { weights } = s.projection.csr;
  s.w.set(mantissas);
  // The compile's actual weights (brian2-loihi's calcActualWeights, truncated to the precision).
  if (weights instanceof Float32Array) s.wAct.set(weights);
  else s.wAct.fill(weights.constant);
  for (const trace of s.traces) trace.fill(0);
  for (const trace of s.sampled) trace.fill(0);
  s.x0.fill(0);
  s.y0.fill(0);
}

/** Back to step 0: the initial mantissas and actual weights, every trace and flag 0. */
export function resetLearning(states: readonly (LearningState | undefined)[]): void {
  for (const s of states) if (s) resetOne(s);
}

/** Runs a rule's postfix program on `vars` in float64 (RULE_OP). */
function evaluate(rule: LoihiRuleProgram, vars: Float64Array, stack: Float64Array): number {
  const { ops, args } = rule;
  let sp = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as number;
    switch (op) {
      case RULE_OP.const:
        stack[sp++] = args[i] as number;
        break;
      case RULE_OP.var:
        stack[sp++] = vars[args[i] as number] as number;
        break;
      case RULE_OP.add:
        sp--;
        stack[sp - 1] = (stack[sp - 1] as number) + (stack[sp] as number);
        break;
      case RULE_OP.sub:
        sp--;
        stack[sp - 1] = (stack[sp - 1] as number) - (stack[sp] as number);
        break;
      case RULE_OP.mul:
        sp--;
        stack[sp - 1] = (stack[sp - 1] as number) * (stack[sp] as number);
        break;
      case RULE_OP.neg:
        stack[sp - 1] = -(stack[sp - 1] as number);
        break;
      case RULE_OP.sign:
        stack[sp - 1] = Math.sign(stack[sp - 1] as number);
        break;
      default:
        throw new Error(`Loihi rule program: unknown opcode ${op}`);
    }
  }
  return stack[0] as number;
}

/**
 * Step 5d (a)-(c) of one learning projection at step t, after its deliveries (which set `x0`
 * of the synapses whose event arrived); trace probes sample between (a) and (b). `postSpiked[j]` says whether target neuron j spiked at
 * step t-1. Throws `NumericalError` when the rule gives a non-finite dw.
 */
export function stepLearning(s: LearningState, t: number, postSpiked: Uint8Array): void {
  const { plan, traces, sampled, x0, y0 } = s;
  const { targets } = s.projection.csr;
  const n = targets.length;
  // (a) pre impulses; the trace probes sample here, before (b) the post impulses (brian2-loihi's
  // monitors run in the `synapses` slot between its pre and post pathways).
  for (let k = 0; k < FIRST_POST_TRACE; k++) addImpulses(traces[k], plan.impulse[k], x0);
  for (let k = 0; k < sampled.length; k++) {
    const copy = sampled[k] as Uint8Array;
    if (copy.length > 0) copy.set(traces[k] as Uint8Array);
  }
  for (let e = 0; e < n; e++) y0[e] = postSpiked[targets[e] as number] as number;
  for (let k = FIRST_POST_TRACE; k < LOIHI_TRACE_ORDER.length; k++) {
    addImpulses(traces[k], plan.impulse[k], y0);
  }
  // (c) the update, from the values after (a) and (b).
  if (plan.rule) updateWeights(s, plan.rule, t);
  for (let k = 0; k < LOIHI_TRACE_ORDER.length; k++) {
    const trace = traces[k] as Uint8Array;
    if (trace.length > 0) decayTrace(trace, plan.tau[k] as number, plan.randomKeys[k] as number, t);
  }
  x0.fill(0);
  y0.fill(0);
}

/** `x = min(127, x + impulse)` for each synapse whose flag is 1 (a trace that is off is empty). */
function addImpulses(
  trace: Uint8Array | undefined,
  impulse: number | undefined,
  flags: Uint8Array,
): void {
  if (!trace || trace.length === 0) return;
  const add = impulse ?? 0;
  for (let e = 0; e < trace.length; e++) {
    if (flags[e] === 1) trace[e] = Math.min(127, (trace[e] as number) + add);
  }
}

/** `x = x * (1 - 1/tau)` rounded stochastically to an integer (brian2-loihi's x_rnd). */
function decayTrace(trace: Uint8Array, tau: number, key: number, t: number): void {
  const factor = 1 - 1 / tau;
  const sk = stepKey(key, t);
  for (let e = 0; e < trace.length; e++) {
    const x = (trace[e] as number) * factor;
    const whole = Math.trunc(x);
    const frac = x - whole;
    // A draw is never below 0, so a whole x keeps its value without one (the draws are keyed
    // by synapse, so skipping one changes no other).
    trace[e] = frac > 0 && frac > uniformFromBits(draw24(sk, e)) ? whole + 1 : whole;
  }
}

function updateWeights(s: LearningState, rule: LoihiRuleProgram, t: number): void {
  const { plan, traces, x0, y0, vars, stack, w, wAct } = s;
  const { precision: p, wLow, wHigh } = plan;
  const scale = 2 ** (6 + plan.wExp);
  for (let k = 0; k <= 9; k++) vars[VAR_U0 + k] = t % 2 ** k === 0 ? 1 : 0;
  const sk = stepKey(plan.randomKeys[DW_STREAM] as number, t);
  // Only the traces that are on are read; the others stay 0 in `vars` (and reading past the end
  // of their empty arrays would be slow).
  const on: number[] = [];
  for (let k = 0; k < TRACE_VAR.length; k++) {
    if ((traces[k]?.length ?? 0) > 0) on.push(k);
    else vars[TRACE_VAR[k] as number] = 0;
  }
  for (let e = 0; e < w.length; e++) {
    vars[VAR_X0] = x0[e] as number;
    vars[VAR_Y0] = y0[e] as number;
    for (const k of on) vars[TRACE_VAR[k] as number] = (traces[k] as Uint8Array)[e] as number;
    vars[VAR_W] = w[e] as number;
    const dw = evaluate(rule, vars, stack);
    if (!Number.isFinite(dw)) {
      const where = `dw (projection '${s.projection.id}', synapse ${e})`;
      throw new NumericalError(s.targetId, t, s.projection.csr.targets[e] ?? 0, where, dw);
    }
    // r = sign(dw) * ceil(|dw|), q = trunc(r / p), rem = |r| mod p, with the magnitude apart
    // (p is a power of 2 and |r| an integer, so every step is exact).
    const sign = Math.sign(dw);
    const magnitude = Math.ceil(Math.abs(dw));
    const whole = Math.floor(magnitude / p);
    const rem = magnitude - whole * p;
    const add = rem > 0 && rem / p > uniformFromBits(draw24(sk, e)) ? 1 : 0;
    const next = Math.min(wHigh, Math.max(wLow, (w[e] as number) + sign * (whole + add) * p)) + 0;
    w[e] = next;
    wAct[e] = learnedActualWeight(next, scale);
  }
}

/** What a synapse probe reads of synapse e (traces as sampled between the pre and post impulses). */
export function readSynapse(s: LearningState, variable: SynapseVariable, e: number): number {
  if (variable === 'w') return s.w[e] ?? 0;
  if (variable === 'w_act') return s.wAct[e] ?? 0;
  return s.sampled[TRACE_INDEX.get(variable) ?? 0]?.[e] ?? 0;
}
