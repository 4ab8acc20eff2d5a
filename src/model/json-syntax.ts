/**
 * Where a JSON text first goes wrong. `JSON.parse` says so in words that differ between
 * browsers and often give no position at all ("Unexpected token 'o', ... is not valid JSON"),
 * so this small scanner finds the offset itself, the same way everywhere.
 */

export interface JsonSyntaxError {
  /** 1-based line and column of the first offending character (or of the end of the text). */
  line: number;
  column: number;
  reason: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const LITERALS = ['true', 'false', 'null'] as const;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

type Found = { offset: number; reason: string };

/**
 * The first syntax error of `text`, or undefined if it is valid JSON. Iterative, so that deeply
 * nested input cannot overflow the stack.
 *
 * @example findJsonSyntaxError('{\n  "a": 1,\n}') // { line: 3, column: 1, reason: ... }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const found = scan(text);
  if (found === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < found.offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: found.offset - lineStart + 1, reason: found.reason };
}

function scan(text: string): Found | undefined {
  let pos = 0;
  // The containers still open, innermost last.
  const stack: ('{' | '[')[] = [];
  const skip = (): void => {
    while (pos < text.length && WHITESPACE.has(text[pos] ?? '')) pos++;
  };
  const here = (reason: string): Found => ({
    offset: pos,
    reason: pos >= text.length ? `unexpected end of text, ${reason}` : reason,
  });
  const readString = (): Found | undefined => {
    pos++; // opening quote
    while (pos < text.length) {
      const c = text[pos] ?? '';
      if (c === '"') {
        pos++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[pos + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            pos += 2;
            return here('expected four hex digits after \\u');
          }
          pos += 6;
        } else if (ESCAPES.has(e)) {
          pos += 2;
        } else {
          pos++;
          return here('invalid escape in a string');
        }
      } else if (c < ' ') {
        return here('control character (such as a line break) inside a string');
      } else {
        pos++;
      }
    }
    return here('expected a closing double quote');
  };
  // A string, number or literal (containers are handled by the loop below). Errors point at
  // the first character that breaks the grammar, as V8 does: `tru}` at `}`, `1.x` at `x`.
  const readScalar = (): Found | undefined => {
    const c = text[pos] ?? '';
    if (c === '"') return readString();
    const word = LITERALS.find((w) => w[0] === c);
    if (word !== undefined) {
      for (const expected of word) {
        if (text[pos] !== expected) return here(`expected ${word}`);
        pos++;
      }
      return undefined;
    }
    if (c === '-' || isDigit(c)) return readNumber();
    return here(c === "'" ? 'strings need double quotes' : 'expected a value');
  };
  const digits = (): Found | undefined => {
    if (!isDigit(text[pos])) return here('expected a digit');
    while (isDigit(text[pos])) pos++;
    return undefined;
  };
  const readNumber = (): Found | undefined => {
    if (text[pos] === '-') pos++;
    if (text[pos] === '0') pos++;
    else {
      const bad = digits();
      if (bad !== undefined) return bad;
    }
    if (text[pos] === '.') {
      pos++;
      const bad = digits();
      if (bad !== undefined) return bad;
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      return digits();
    }
    return undefined;
  };
  // `"name":`, up to and including the colon.
  const readKey = (): Found | undefined => {
    skip();
    if (text[pos] !== '"') return here('expected a property name in double quotes');
    const bad = readString();
    if (bad !== undefined) return bad;
    skip();
    if (text[pos] !== ':') return here("expected ':' after a property name");
    pos++;
    return undefined;
  };

  // A loop with an explicit stack rather than recursion, so depth costs heap, not call stack.
  let expectValue = true;
  for (;;) {
    skip();
    if (expectValue) {
      const c = text[pos];
      if (c === '{' || c === '[') {
        pos++;
        skip();
        if (text[pos] === (c === '{' ? '}' : ']')) {
          pos++;
          expectValue = false;
          continue;
        }
        stack.push(c);
        if (c === '{') {
          const bad = readKey();
          if (bad !== undefined) return bad;
        }
        continue;
      }
      const bad = readScalar();
      if (bad !== undefined) return bad;
      expectValue = false;
      continue;
    }
    const open = stack[stack.length - 1];
    if (open === undefined) {
      return pos < text.length
        ? here('unexpected text after the end of the JSON value')
        : undefined;
    }
    const close = open === '{' ? '}' : ']';
    if (text[pos] === close) {
      stack.pop();
      pos++;
    } else if (text[pos] === ',') {
      pos++;
      if (open === '{') {
        const bad = readKey();
        if (bad !== undefined) return bad;
      }
      expectValue = true;
    } else {
      return here(`expected ',' or '${close}'`);
    }
  }
}
