/**
 * The parsed form of a Loihi learning rule `dw` (brian2-loihi's syntax): what
 * `parseLoihiRule` (loihi-rule.ts) returns and the engine's compile turns into a postfix
 * program (`LoihiRuleProgram`, CONTEXT.md step 5d).
 */

/**
 * Variables a rule may read: the spike flags x0 (pre) and y0 (post), the traces x1, x2, y1,
 * y2, y3, u0..u9 (1 when `t mod 2^k == 0`), and the weight mantissa w. The order is the
 * engine's variable index.
 */
export const LOIHI_RULE_VARIABLES = [
  'x0',
  'x1',
  'x2',
  'y0',
  'y1',
  'y2',
  'y3',
  'u0',
  'u1',
  'u2',
  'u3',
  'u4',
  'u5',
  'u6',
  'u7',
  'u8',
  'u9',
  'w',
] as const;

export type LoihiRuleVariable = (typeof LOIHI_RULE_VARIABLES)[number];

/**
 * An expression tree with Python's precedence and left associativity (`a - b - c` is
 * `(a - b) - c`); `2^k` is folded into a `num` of value 2**k, and integers are `num`s.
 */
export type LoihiRuleExpr =
  | { op: 'num'; value: number }
  | { op: 'var'; name: LoihiRuleVariable }
  | { op: 'neg' | 'sign'; arg: LoihiRuleExpr }
  | { op: 'add' | 'sub' | 'mul'; left: LoihiRuleExpr; right: LoihiRuleExpr };

/** `parseLoihiRule`'s answer: the tree, or brian2-loihi's message for the first problem. */
export type LoihiRuleParse =
  | { ok: true; expr: LoihiRuleExpr; variables: ReadonlySet<LoihiRuleVariable> }
  | { ok: false; message: string };
