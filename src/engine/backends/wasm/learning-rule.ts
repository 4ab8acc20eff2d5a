/**
 * The Loihi learning rule as the wasm kernel runs it (`assembly/loihi-learning.ts` evaluate):
 * the compile's postfix program (`LoihiRuleProgram`) re-encoded for an accumulator machine, and
 * the steps at which the kernel may skip it.
 */
import { LOIHI_RULE_VARIABLES, RULE_OP, type LoihiRuleProgram } from '../../plan-loihi.ts';

/** Rule variables (LOIHI_RULE_VARIABLES: x0..y3, u0..u9, w); the constants follow them. */
export const RULE_VARIABLES = LOIHI_RULE_VARIABLES.length;

/**
 * Opcodes of the kernel's rule code (the K_* of assembly/loihi-learning.ts): one i32 per
 * instruction, the opcode in the low 4 bits and, for PUSH and the fused forms, the byte offset
 * of an operand (a variable or a constant) above them. The top of the stack is a register:
 * PUSH spills it and loads the operand; ADD/SUB/MUL combine the spilled value below with it;
 * ADDV/SUBV/MUL_V combine it with an operand (a PUSH followed by ADD/SUB/MUL, fused).
 */
export const RULE_CODE = {
  push: 0,
  add: 1,
  sub: 2,
  mul: 3,
  neg: 4,
  sign: 5,
  addOperand: 6,
  subOperand: 7,
  mulOperand: 8,
} as const;

export interface EncodedRule {
  code: Int32Array;
  /** f64 constants, stored after the variables. */
  constants: Float64Array;
  /** Stack slots the kernel spills into (its first PUSH spills an unused register). */
  stackSlots: number;
}

/**
 * Re-encodes a postfix program: the same operations on the same operands in the same order
 * (`a op b` with a the value below, b the newer), so every f64 result is the reference's.
 *
 * @example encodeRule(program of '2^-2*x1*y0').code.length // 3: PUSH 0.25, MUL_V x1, MUL_V y0
 */
export function encodeRule(rule: LoihiRuleProgram): EncodedRule {
  const code: number[] = [];
  const constants: number[] = [];
  const word = (op: number, offset: number): number => (offset << 4) | op;
  const operand = (i: number): number => {
    const arg = rule.args[i] ?? 0;
    if (rule.ops[i] === RULE_OP.var) return 8 * arg;
    constants.push(arg);
    return 8 * (RULE_VARIABLES + constants.length - 1);
  };
  const fused: Partial<Record<number, number>> = {
    [RULE_OP.add]: RULE_CODE.addOperand,
    [RULE_OP.sub]: RULE_CODE.subOperand,
    [RULE_OP.mul]: RULE_CODE.mulOperand,
  };
  for (let i = 0; i < rule.ops.length; i++) {
    const op = rule.ops[i] ?? -1;
    if (op === RULE_OP.const || op === RULE_OP.var) {
      const next = fused[rule.ops[i + 1] ?? -1];
      // A leaf combined at once with the value under it: no spill.
      if (next !== undefined && i > 0) {
        code.push(word(next, operand(i)));
        i++;
      } else code.push(word(RULE_CODE.push, operand(i)));
      continue;
    }
    switch (op) {
      case RULE_OP.add:
        code.push(RULE_CODE.add);
        break;
      case RULE_OP.sub:
        code.push(RULE_CODE.sub);
        break;
      case RULE_OP.mul:
        code.push(RULE_CODE.mul);
        break;
      case RULE_OP.neg:
        code.push(RULE_CODE.neg);
        break;
      case RULE_OP.sign:
        code.push(RULE_CODE.sign);
        break;
      default:
        throw new Error(`wasm: unknown Loihi rule opcode ${String(op)}`);
    }
  }
  return {
    code: Int32Array.from(code),
    constants: Float64Array.from(constants),
    stackSlots: rule.maxStack + 1,
  };
}

/** A bound past which an intermediate of the rule might overflow (float64 max is 1.8e308). */
const FINITE_BOUND = 1e300;

/**
 * The steps t >= 1 at which the rule gives dw = +-0 for every synapse whose pre and post flags
 * are both 0, as a mask: bit m for the steps with min(ctz(t), 9) = m, i.e. u_k = 1 exactly for
 * k <= m. At such a step the kernel skips the rule for those synapses: dw = +-0 leaves a
 * mantissa that an earlier update has already clipped, and the wAct computed from it, as they
 * are (CONTEXT.md step 5d, with its `+ 0`). Proved by evaluating the program on
 * (is it zero, a bound on its magnitude): x0 = y0 = 0, u_k as above, traces at most 127 and w
 * at most `wMax`; a program whose magnitudes could overflow (0 * Infinity is NaN) is never
 * skipped.
 */
export function quietSteps(rule: LoihiRuleProgram, wMax: number): number {
  let mask = 0;
  for (let m = 0; m < 10; m++) if (zeroWhenQuiet(rule, m, wMax)) mask |= 1 << m;
  return mask;
}

interface Abstract {
  zero: boolean;
  max: number;
}

function variable(name: string, m: number, wMax: number): Abstract {
  if (name === 'x0' || name === 'y0') return { zero: true, max: 1 };
  if (name === 'w') return { zero: false, max: wMax };
  if (name.startsWith('u'))
    return Number(name.slice(1)) <= m ? { zero: false, max: 1 } : { zero: true, max: 0 };
  return { zero: false, max: 127 };
}

function zeroWhenQuiet(rule: LoihiRuleProgram, m: number, wMax: number): boolean {
  const stack: Abstract[] = [];
  const pop = (): Abstract => stack.pop() ?? { zero: false, max: Infinity };
  for (let i = 0; i < rule.ops.length; i++) {
    const arg = rule.args[i] ?? 0;
    const op = rule.ops[i] ?? -1;
    switch (op) {
      case RULE_OP.const:
        stack.push({ zero: arg === 0, max: Math.abs(arg) });
        break;
      case RULE_OP.var:
        stack.push(variable(LOIHI_RULE_VARIABLES[arg] ?? '', m, wMax));
        break;
      case RULE_OP.add:
      case RULE_OP.sub: {
        const b = pop();
        const a = pop();
        stack.push({ zero: a.zero && b.zero, max: a.max + b.max });
        break;
      }
      case RULE_OP.mul: {
        const b = pop();
        const a = pop();
        stack.push({ zero: a.zero || b.zero, max: a.max * b.max });
        break;
      }
      case RULE_OP.neg:
        stack.push(pop());
        break;
      case RULE_OP.sign: {
        const a = pop();
        if (!(a.max < FINITE_BOUND)) return false;
        stack.push({ zero: a.zero, max: 1 });
        break;
      }
      default:
        return false;
    }
    if (!((stack[stack.length - 1]?.max ?? Infinity) < FINITE_BOUND)) return false;
  }
  return stack.length === 1 && stack[0]?.zero === true;
}
