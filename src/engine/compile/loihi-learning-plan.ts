/**
 * Compiles the learning part of a Loihi synapse (brian2-loihi's `LoihiSynapses` with `dw` and
 * traces) into `ProjectionPlan.learning`, stepped by CONTEXT.md step 5d: the rule as a postfix
 * program, the traces' impulses and time constants, the weight range of the sign mode, the
 * initial mantissas and the stream keys of the stochastic roundings.
 */
import type { LoihiSynapse, Projection } from '../../model/document.ts';
import type { LoihiRuleExpr } from '../../model/loihi-rule-ast.ts';
import { parseLoihiRule } from '../../model/loihi-rule.ts';
import {
  LOIHI_RULE_VARIABLES,
  LOIHI_TRACE_ORDER,
  RULE_OP,
  type LoihiLearningPlan,
  type LoihiRuleProgram,
} from '../plan-loihi.ts';
import { DocumentInvalidError } from '../errors.ts';
import { LOIHI_LEARN_STREAM, streamKey } from '../random.ts';

/** Random streams per learning projection: one per trace (x1, x2, y1, y2, y3) and one for dw. */
const LEARN_STREAMS = LOIHI_TRACE_ORDER.length + 1;

/**
 * A rule's tree as a postfix program: operands before their operator, left before right, so a
 * stack machine evaluates the same operations in the same order as Python does the expression.
 *
 * @example
 * compileRuleProgram({ op: 'mul', left: { op: 'num', value: 0.25 }, right: { op: 'var', name: 'x1' } });
 * // ops [const, var, mul], args [0.25, 1, 0], maxStack 2
 */
export function compileRuleProgram(expr: LoihiRuleExpr): LoihiRuleProgram {
  const ops: number[] = [];
  const args: number[] = [];
  let depth = 0;
  let maxStack = 0;
  const push = (op: number, arg: number, change: number): void => {
    ops.push(op);
    args.push(arg);
    depth += change;
    maxStack = Math.max(maxStack, depth);
  };
  const emit = (e: LoihiRuleExpr): void => {
    switch (e.op) {
      case 'num':
        push(RULE_OP.const, e.value, 1);
        return;
      case 'var':
        push(RULE_OP.var, LOIHI_RULE_VARIABLES.indexOf(e.name), 1);
        return;
      case 'neg':
      case 'sign':
        emit(e.arg);
        push(RULE_OP[e.op], 0, 0);
        return;
      case 'add':
      case 'sub':
      case 'mul':
        emit(e.left);
        emit(e.right);
        push(RULE_OP[e.op], 0, -1);
        return;
    }
  };
  emit(expr);
  return { ops: Uint8Array.from(ops), args: Float64Array.from(args), maxStack };
}

/** The mantissa range of each sign mode (brian2-loihi's `w_low`, `w_high`). */
function weightRange(signMode: LoihiSynapse['sign_mode']): [number, number] {
  switch (signMode) {
    case 'mixed':
      return [-256, 254];
    case 'excitatory':
      return [0, 255];
    case 'inhibitory':
      return [-256, 0];
  }
}

/** Whether a Loihi synapse learns or keeps traces, i.e. gets `ProjectionPlan.learning`. */
export function hasLoihiLearning(synapse: LoihiSynapse): boolean {
  const traces = synapse.traces ?? {};
  return (synapse.dw ?? '') !== '' || LOIHI_TRACE_ORDER.some((k) => traces[k] !== undefined);
}

/**
 * The learning plan of a Loihi projection with `count` synapses (index `projectionIndex` in the
 * document), or undefined when its synapse neither learns nor keeps traces. A `dw` that does not
 * parse throws `DocumentInvalidError` with the parser's message (validation normally refuses it
 * first).
 *
 * @example compileLoihiLearning(projection, synapse, 0, 12, seed)?.precision // 1 at 8 bits, excitatory
 */
export function compileLoihiLearning(
  projection: Projection,
  synapse: LoihiSynapse,
  projectionIndex: number,
  count: number,
  seed: number,
): LoihiLearningPlan | undefined {
  if (!hasLoihiLearning(synapse)) return undefined;
  const dw = synapse.dw ?? '';
  let rule: LoihiRuleProgram | null = null;
  if (dw !== '') {
    const parsed = parseLoihiRule(dw);
    if (!parsed.ok) {
      throw new DocumentInvalidError([
        {
          path: `projections[${projectionIndex}].synapse.dw`,
          message: `projection '${projection.id}': learning rule dw '${dw}': ${parsed.message}`,
        },
      ]);
    }
    rule = compileRuleProgram(parsed.expr);
  }
  const impulse = new Int32Array(LOIHI_TRACE_ORDER.length);
  const tau = new Int32Array(LOIHI_TRACE_ORDER.length);
  LOIHI_TRACE_ORDER.forEach((name, k) => {
    const trace = synapse.traces?.[name];
    if (trace === undefined) return;
    impulse[k] = trace.impulse;
    tau[k] = trace.tau;
  });
  const isMixed = synapse.sign_mode === 'mixed' ? 1 : 0;
  const [wLow, wHigh] = weightRange(synapse.sign_mode);
  // Validation allows only a constant mantissa without a list.
  const shared = projection.weight.kind === 'constant' ? projection.weight.value : 0;
  const list = synapse.mantissas;
  const mantissas = new Float64Array(count);
  for (let e = 0; e < count; e++) mantissas[e] = list === undefined ? shared : (list[e] ?? 0);
  const randomKeys = new Uint32Array(LEARN_STREAMS);
  for (let k = 0; k < LEARN_STREAMS; k++) {
    randomKeys[k] = streamKey(seed, projectionIndex, LOIHI_LEARN_STREAM + k);
  }
  return {
    rule,
    impulse,
    tau,
    precision: 2 ** (8 - (synapse.num_weight_bits - isMixed)),
    wLow,
    wHigh,
    wExp: synapse.w_exp,
    mantissas,
    randomKeys,
  };
}
