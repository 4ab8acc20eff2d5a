/**
 * `parseLoihiRule`: brian2-loihi's learning rule `dw` (a string such as
 * `"2^-2*x1*y0 - 2^-2*y1*x0"`) checked as brian2-loihi checks it (`loihi-rule-checks.ts`),
 * then read by a small recursive-descent parser with Python's precedence (brian2-loihi hands
 * the string to Brian2, which evaluates it as Python): unary `+`/`-` binds tighter than `*`,
 * `*` tighter than `+`/`-`, all left-associative; `2^k` is Python's `2**k`, folded to a number.
 */

import {
  LOIHI_RULE_VARIABLES,
  type LoihiRuleExpr,
  type LoihiRuleParse,
  type LoihiRuleVariable,
} from './loihi-rule-ast.ts';
import {
  checkRuleText,
  MESSAGE_DEPENDENCY,
  RULE_TOKEN,
  stripRuleWhitespace,
} from './loihi-rule-checks.ts';

/** The exponents k of `2^k` that Loihi's learning engine supports (brian2-loihi's range). */
export const RULE_EXPONENT_MIN = -7;
export const RULE_EXPONENT_MAX = 9;

/** The variables that make a term an event-driven one (brian2-loihi's dependency factors). */
const DEPENDENCY_FACTORS: ReadonlySet<LoihiRuleVariable> = new Set([
  'x0',
  'y0',
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
]);

const VARIABLES: ReadonlySet<string> = new Set(LOIHI_RULE_VARIABLES);

function isVariable(token: string): token is LoihiRuleVariable {
  return VARIABLES.has(token);
}

class RuleSyntaxError extends Error {}

/** Nesting (parentheses, unary signs) a rule may have, so a pasted pathological string gets a message, not a stack overflow. */
const MAX_DEPTH = 100;

/** Tokens a rule may have: the tree's depth (walked recursively here and in the compile) stays small. */
const MAX_TOKENS = 2000;

/** Reads the tokens of a rule that passed `checkRuleText`; throws `RuleSyntaxError`. */
class Parser {
  private pos = 0;
  private depth = 0;
  readonly variables = new Set<LoihiRuleVariable>();

  constructor(private readonly tokens: readonly string[]) {}

  parse(): LoihiRuleExpr {
    const expr = this.sum();
    if (this.pos < this.tokens.length) this.fail('expected an operator (+, - or *)');
    return expr;
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  /** The unread rest of the rule, for messages. */
  private rest(from: number): string {
    return this.tokens.slice(from).join('');
  }

  /** Throws, quoting the rule from token `from` (by default the next one) to its end. */
  private fail(expected: string, from = this.pos): never {
    const at = from < this.tokens.length ? `at '${this.rest(from)}'` : 'at its end';
    throw new RuleSyntaxError(`The learning rule cannot be read ${at}: ${expected}.`);
  }

  private sum(): LoihiRuleExpr {
    let left = this.product();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.pos++;
      left = { op: op === '+' ? 'add' : 'sub', left, right: this.product() };
    }
    return left;
  }

  private product(): LoihiRuleExpr {
    let left = this.unary();
    while (this.peek() === '*') {
      this.pos++;
      left = { op: 'mul', left, right: this.unary() };
    }
    return left;
  }

  private unary(): LoihiRuleExpr {
    if (++this.depth > MAX_DEPTH) this.fail(`it nests deeper than ${MAX_DEPTH} levels`);
    try {
      const token = this.peek();
      if (token === '-' || token === '+') {
        this.pos++;
        const arg = this.unary();
        return token === '-' ? { op: 'neg', arg } : arg;
      }
      return this.atom();
    } finally {
      this.depth--;
    }
  }

  private atom(): LoihiRuleExpr {
    const token = this.peek();
    if (token === undefined) return this.fail('expected a number, a variable, sign(...) or (');
    if (token === '(' || token === 'sign(') {
      const open = this.pos++;
      if (this.peek() === ')') this.fail('empty parentheses', open);
      const inner = this.sum();
      if (this.peek() !== ')') this.fail(`expected ')' to close '${token}'`, open);
      this.pos++;
      return token === '(' ? inner : { op: 'sign', arg: inner };
    }
    if (isVariable(token)) {
      this.pos++;
      this.variables.add(token);
      return { op: 'var', name: token };
    }
    if (/^[0-9]+$/.test(token)) return this.number(token);
    return this.fail('expected a number, a variable, sign(...) or (');
  }

  /** An integer, or `2^k` folded to 2**k. */
  private number(token: string): LoihiRuleExpr {
    // Python 3 refuses decimal literals such as 007 (0 and 00 are fine).
    if (/^0+[1-9]/.test(token))
      this.fail(`an integer cannot start with 0 (Python refuses '${token}')`);
    const start = this.pos++;
    if (this.peek() !== '^') return { op: 'num', value: Number(token) };
    if (token !== '2') this.fail(`'^' may only follow the number 2 (2^k), not ${token}`, start);
    this.pos++;
    let sign = 1;
    const signToken = this.peek();
    if (signToken === '+' || signToken === '-') {
      sign = signToken === '-' ? -1 : 1;
      this.pos++;
    }
    const digits = this.peek();
    if (digits === undefined || !/^[0-9]+$/.test(digits))
      this.fail('expected the exponent k of 2^k', start);
    const k = sign * Number(digits);
    if (k < RULE_EXPONENT_MIN || k > RULE_EXPONENT_MAX || /^0[0-9]/.test(digits))
      this.fail(
        `the exponent k of 2^k must be an integer from ${RULE_EXPONENT_MIN} to ${RULE_EXPONENT_MAX}`,
        start,
      );
    this.pos++;
    return { op: 'num', value: 2 ** k };
  }
}

/**
 * Whether every term of the expanded sum of products holds a dependency factor (x0, y0 or
 * u0..u9): a product qualifies when one of its factors does, a sum when both sides do, and
 * `sign(a)` when `a` does (it is then 0 whenever the factors are).
 */
function everyTermDepends(expr: LoihiRuleExpr): boolean {
  switch (expr.op) {
    case 'num':
      return false;
    case 'var':
      return DEPENDENCY_FACTORS.has(expr.name);
    case 'neg':
    case 'sign':
      return everyTermDepends(expr.arg);
    case 'add':
    case 'sub':
      return everyTermDepends(expr.left) && everyTermDepends(expr.right);
    case 'mul':
      return everyTermDepends(expr.left) || everyTermDepends(expr.right);
  }
}

/**
 * Checks and parses a learning rule. The message of a refused rule is brian2-loihi's for the
 * problems it detects, or says where the parser stopped.
 *
 * @example
 * parseLoihiRule('2^-2*x1*y0 - 2^-2*y1*x0');
 * // { ok: true, expr: { op: 'sub', left: { op: 'mul', ... }, ... }, variables: {x1, y0, y1, x0} }
 * parseLoihiRule('x1*y1'); // { ok: false, message: 'There is at least one term ...' }
 */
export function parseLoihiRule(dw: string): LoihiRuleParse {
  const text = stripRuleWhitespace(dw);
  if (text === '') return { ok: false, message: 'The learning rule is empty.' };
  const problem = checkRuleText(text);
  if (problem !== null) return { ok: false, message: problem };
  const tokens = Array.from(text.matchAll(RULE_TOKEN), (m) => m[0]);
  if (tokens.length > MAX_TOKENS)
    return {
      ok: false,
      message: `The learning rule is too long: ${tokens.length} symbols, at most ${MAX_TOKENS}.`,
    };
  const parser = new Parser(tokens);
  let expr: LoihiRuleExpr;
  try {
    expr = parser.parse();
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
  if (!everyTermDepends(expr)) return { ok: false, message: MESSAGE_DEPENDENCY };
  return { ok: true, expr, variables: parser.variables };
}
