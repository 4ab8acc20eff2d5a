/**
 * parseLoihiRule: every brian2-loihi learning-rule error with an input that triggers it (the
 * messages as brian2-loihi 's __buildLearningRule raises them, "learing" spelled right), the
 * parser's own messages, and trees with Python's precedence. The expected trees were checked
 * by hand against Python's evaluation of the same strings (`^` read as `**`).
 */
import { describe, expect, it } from 'vitest';
import type { LoihiRuleExpr } from '../../../src/model/loihi-rule-ast.ts';
import { parseLoihiRule } from '../../../src/model/loihi-rule.ts';

/** A tree written back fully parenthesised, so a precedence slip changes the string. */
function show(e: LoihiRuleExpr): string {
  switch (e.op) {
    case 'num':
      return String(e.value);
    case 'var':
      return e.name;
    case 'neg':
      return `(-${show(e.arg)})`;
    case 'sign':
      return `sign(${show(e.arg)})`;
    case 'add':
      return `(${show(e.left)} + ${show(e.right)})`;
    case 'sub':
      return `(${show(e.left)} - ${show(e.right)})`;
    case 'mul':
      return `(${show(e.left)} * ${show(e.right)})`;
  }
}

function tree(dw: string): string {
  const parsed = parseLoihiRule(dw);
  if (!parsed.ok) throw new Error(`${dw}: ${parsed.message}`);
  return show(parsed.expr);
}

function message(dw: string): string {
  const parsed = parseLoihiRule(dw);
  if (parsed.ok) throw new Error(`${dw} was accepted`);
  return parsed.message;
}

const SYMBOLS =
  'The learning rule contains some unsupported symbols. Allowed are: x0, x1, x2, y0, y1, y2, y3, u[0-9]+, w, sign, 0-9, +, -, *, ^, (, )';
const DEPENDENCY =
  'There is at least one term in the equation that does not contain a dependency factor (x0, y0 or u[0-9]).';

describe('brian2-loihi checks, in its order', () => {
  it.each([
    ['x0*x1/2', 'Division is not allowed.'],
    ['x0*r0', "The variable 'r0' is currently not supported by this package."],
    ['x0*r1', "The variable 'r1' is currently not supported by this package."],
    ['x0*d', "The variable 'd' is currently not supported by this package."],
    ['x0*t', "The variable 't' is currently not supported by this package."],
    ['x0*x3', SYMBOLS],
    ['x0*2.5', SYMBOLS],
    ['x0*sign w', SYMBOLS],
    // 'u' without digits never reaches brian2-loihi's "'u' must be followed by a number."
    ['u*x0', SYMBOLS],
    ['*x0', "'*' is not allowed as the first symbol in the equation."],
    ['x0*x1+', "'*', '+' and '-' is not allowed as the last symbol in the equation."],
    ['x0*x1 -', "'*', '+' and '-' is not allowed as the last symbol in the equation."],
    ['x0*x1*', "'*', '+' and '-' is not allowed as the last symbol in the equation."],
    ['x0x1', 'Some variables are not included correctly.'],
    ['2x0', 'Some variables are not included correctly.'],
    ['x0*y1(y0)', 'Some variables are not included correctly.'],
    [
      'u05*x1',
      "If 'u' is followed by a number with more than one digit, it cannot start with a '0'.",
    ],
    ['u10*x1', "'u' is currently only supported between u0 and u9."],
    ['2^-8*x0', "There is a malformed '^' in the equation."],
    ['3^2*x0', "There is a malformed '^' in the equation."],
    ['x0^2', 'Some variables are not included correctly.'],
    ['x0*(2)^2', "There is a malformed '^' in the equation."],
    ['2^(3)*x0', "There is a malformed '^' in the equation."],
    ['x1*y1', DEPENDENCY],
    ['2^-2*x1*y0 - 2^-2*y1', DEPENDENCY],
    ['x0 + 3', DEPENDENCY],
  ])('%s', (dw, expected) => {
    expect(message(dw)).toBe(expected);
  });

  it('applies the checks in brian2-loihi order (division before the symbol check)', () => {
    expect(message('x3/2')).toBe('Division is not allowed.');
    expect(message('x0*t*x3')).toBe("The variable 't' is currently not supported by this package.");
  });

  it('removes spaces and tabs before checking, as brian2-loihi does', () => {
    expect(tree(' x0 \t* y1 ')).toBe('(x0 * y1)');
  });
});

describe('dependency factors, term by term on the tree', () => {
  it('accepts a factor outside parentheses (brian2-loihi refuses x0*(y1-2))', () => {
    expect(tree('x0*(y1-2)')).toBe('(x0 * (y1 - 2))');
    expect(tree('(x1 - y1) * u3')).toBe('((x1 - y1) * u3)');
  });

  it('refuses a sum in parentheses with a term lacking one', () => {
    expect(message('(1+u0)*x1')).toBe(DEPENDENCY);
    expect(message('y0*x1 + (x0 - w)*x1')).toBe(DEPENDENCY);
  });

  it('counts sign(a) as dependent when every term of a is', () => {
    expect(tree('sign(x0)*x1')).toBe('(sign(x0) * x1)');
    expect(message('sign(x0-1)*x1')).toBe(DEPENDENCY);
  });
});

describe("the parser's own messages", () => {
  it.each([
    ['2^10*x0', "at '2^10*x0'", 'the exponent k of 2^k must be an integer from -7 to 9'],
    ['2^-10*x0', "at '2^-10*x0'", 'the exponent k of 2^k must be an integer from -7 to 9'],
    ['12^3*x0', "at '12^3*x0'", "'^' may only follow the number 2 (2^k), not 12"],
    ['x0*007', "at '007'", "an integer cannot start with 0 (Python refuses '007')"],
    ['2(x0)', "at '(x0)'", 'expected an operator (+, - or *)'],
    ['x0*()', "at '()'", 'empty parentheses'],
    ['x0*sign()', "at 'sign()'", 'empty parentheses'],
    ['x0*(y1', "at '(y1'", "expected ')' to close '('"],
    ['x0*y1)', "at ')'", 'expected an operator (+, - or *)'],
  ])('%s', (dw, where, what) => {
    const text = message(dw);
    expect(text).toContain('The learning rule cannot be read');
    expect(text).toContain(where);
    expect(text).toContain(what);
  });

  it('refuses a rule nested too deeply instead of overflowing the stack', () => {
    expect(message(`x0*${'('.repeat(500)}y1${')'.repeat(500)}`)).toContain(
      'it nests deeper than 100 levels',
    );
    expect(message(`x0*${'-'.repeat(500)}y1`)).toContain('it nests deeper than 100 levels');
    expect(tree(`x0*${'('.repeat(50)}y1${')'.repeat(50)}`)).toBe('(x0 * y1)');
  });

  it('refuses a rule of more than 2000 symbols', () => {
    expect(message(Array(1001).fill('x0').join('+'))).toBe(
      'The learning rule is too long: 2001 symbols, at most 2000.',
    );
    expect(tree(Array(1000).fill('x0').join('+')).length).toBeGreaterThan(0);
  });

  it('refuses an empty rule', () => {
    expect(message(' \t ')).toBe('The learning rule is empty.');
  });
});

describe('trees with Python precedence', () => {
  it('pair-based STDP', () => {
    const parsed = parseLoihiRule('2^-2*x1*y0 - 2^-2*y1*x0');
    expect(parsed).toEqual({
      ok: true,
      expr: {
        op: 'sub',
        left: {
          op: 'mul',
          left: { op: 'mul', left: { op: 'num', value: 0.25 }, right: { op: 'var', name: 'x1' } },
          right: { op: 'var', name: 'y0' },
        },
        right: {
          op: 'mul',
          left: { op: 'mul', left: { op: 'num', value: 0.25 }, right: { op: 'var', name: 'y1' } },
          right: { op: 'var', name: 'x0' },
        },
      },
      variables: new Set(['x1', 'y0', 'y1', 'x0']),
    });
  });

  it.each([
    ['-u0*sign(w-10)', '((-u0) * sign((w - 10)))'],
    ['2^+3*y0*x1*x1', '(((8 * y0) * x1) * x1)'],
    ['2^9*u9', '(512 * u9)'],
    ['2^-7*u9', '(0.0078125 * u9)'],
    ['2^0*x0', '(1 * x0)'],
    ['x0 - y0 - u1', '((x0 - y0) - u1)'],
    ['x0 - y0 + u1*w', '((x0 - y0) + (u1 * w))'],
    ['-2^2*x0', '((-4) * x0)'],
    ['x0*-2^-1', '(x0 * (-0.5))'],
    ['x0 - -y0', '(x0 - (-y0))'],
    ['+x0*+y2', '(x0 * y2)'],
    ['x0*(x1*(y1-2) + 3)', '(x0 * ((x1 * (y1 - 2)) + 3))'],
    ['u2*sign(x2 - y3)*(1 + y2)', '((u2 * sign((x2 - y3))) * (1 + y2))'],
    ['0*y0 + 00*x0', '((0 * y0) + (0 * x0))'],
  ])('%s', (dw, expected) => {
    expect(tree(dw)).toBe(expected);
  });

  it('lists the variables the rule reads', () => {
    const parsed = parseLoihiRule('-u0*sign(w-10) + x2*y3*y0');
    expect(parsed.ok && [...parsed.variables].sort()).toEqual(['u0', 'w', 'x2', 'y0', 'y3']);
  });
});
