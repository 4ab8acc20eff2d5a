/**
 * brian2-loihi's text checks of a learning rule (`LoihiSynapses.__buildLearningRule`), in its
 * order and with its messages, so a brian2-loihi user meets the errors they know. The one
 * change to a message is its typo "learing" -> "learning". Two checks are not here:
 * - "'u' must be followed by a number." cannot fire: the token check before it already
 *   refuses a `u` without digits (as "unsupported symbols"), in brian2-loihi too.
 * - the dependency-factor check, whose regular expression only sees a `+`/`-` inside
 *   parentheses when it is the second character after `(` (so it refuses `x0*(y1-2)` and
 *   accepts `(1+u0)*x1`); `loihi-rule.ts` applies its intent to the parse tree instead.
 */

/** The rule as brian2-loihi reads it: every space and tab removed. */
export function stripRuleWhitespace(dw: string): string {
  return dw.replace(/[ \t]+/g, '');
}

/** brian2-loihi's tokens, in its alternation order (the order decides `x0` versus digits). */
export const RULE_TOKEN = /x0|x1|x2|y0|y1|y2|y3|u[0-9]+|w|sign\(|[0-9]+|\+|-|\*|\^|\(|\)/g;

export const MESSAGE_DEPENDENCY =
  'There is at least one term in the equation that does not contain a dependency factor (x0, y0 or u[0-9]).';

const UNSUPPORTED: readonly (readonly [RegExp, string])[] = [
  [/\/+/, 'Division is not allowed.'],
  [/(r0)+/, "The variable 'r0' is currently not supported by this package."],
  [/(r1)+/, "The variable 'r1' is currently not supported by this package."],
  [/d+/, "The variable 'd' is currently not supported by this package."],
  [/t+/, "The variable 't' is currently not supported by this package."],
];

const VARIABLE_GROUP = String.raw`(x0|x1|x2|y0|y1|y2|y3|u[0-9]+|w|sign\([^)]*\))`;
const VARIABLE_ANY = new RegExp(VARIABLE_GROUP, 'g');
const VARIABLE_SURROUNDED = new RegExp(String.raw`(?<=[+*(-])${VARIABLE_GROUP}(?=[+*)-])`, 'g');

function allMatches(re: RegExp, text: string): string[] {
  return Array.from(text.matchAll(re), (m) => m[0]);
}

/**
 * Runs brian2-loihi's checks on a whitespace-free rule and returns the first message, or
 * null when the rule passes them all.
 *
 * @example
 * checkRuleText('x0/2'); // 'Division is not allowed.'
 * checkRuleText('2^-2*x1*y0'); // null
 */
export function checkRuleText(dw: string): string | null {
  for (const [pattern, message] of UNSUPPORTED) if (pattern.test(dw)) return message;

  // The tokens, joined again, must give back the whole rule (findall skips what matches none).
  if (allMatches(RULE_TOKEN, dw).join('') !== dw)
    return 'The learning rule contains some unsupported symbols. Allowed are: x0, x1, x2, y0, y1, y2, y3, u[0-9]+, w, sign, 0-9, +, -, *, ^, (, )';

  if (dw.startsWith('*')) return "'*' is not allowed as the first symbol in the equation.";
  if (/[+*-]$/.test(dw))
    return "'*', '+' and '-' is not allowed as the last symbol in the equation.";

  // Every variable (and every sign(...)) must sit between operators or parentheses.
  const all = allMatches(VARIABLE_ANY, dw);
  const surrounded = allMatches(VARIABLE_SURROUNDED, `+${dw}+`);
  if (all.length !== surrounded.length || all.some((v, i) => v !== surrounded[i]))
    return 'Some variables are not included correctly.';

  // '.' appended so that a u at the very end is matched too.
  for (const m of allMatches(/u[0-9]+./g, `${dw}.`))
    if (!/u[1-9][0-9]+|u[0-9][^0-9]/.test(m))
      return "If 'u' is followed by a number with more than one digit, it cannot start with a '0'.";
  if (/u[0-9][0-9]+/.test(dw)) return "'u' is currently only supported between u0 and u9.";

  // Remove the well-formed 2^k; any '^' left over is malformed.
  if (dw.replace(/2\^\+?[0-9]|2\^-?[0-7]/g, '').includes('^'))
    return "There is a malformed '^' in the equation.";

  return null;
}
