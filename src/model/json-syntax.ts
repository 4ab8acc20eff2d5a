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
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

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
  // Reads one value; containers push onto the stack and return, their contents come later.
  const readValue = (): Found | undefined => {
    skip();
    const c = text[pos] ?? '';
    if (c === '{' || c === '[') {
      stack.push(c);
      pos++;
      skip();
      if (text[pos] === (c === '{' ? '}' : ']')) {
        stack.pop();
        pos++;
        return undefined;
      }
      return c === '{' ? readKey() : readValue();
    }
    if (c === '"') return readString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return undefined;
      }
    }
    const number = NUMBER.exec(text.slice(pos, pos + 400));
    if (number !== null) {
      pos += number[0].length;
      return undefined;
    }
    return here(c === "'" ? 'strings need double quotes' : 'expected a value');
  };
  const readKey = (): Found | undefined => {
    skip();
    if (text[pos] !== '"') return here('expected a property name in double quotes');
    const bad = readString();
    if (bad !== undefined) return bad;
    skip();
    if (text[pos] !== ':') return here("expected ':' after a property name");
    pos++;
    return readValue();
  };

  let bad = readValue();
  while (bad === undefined && stack.length > 0) {
    skip();
    const open = stack[stack.length - 1];
    const close = open === '{' ? '}' : ']';
    if (text[pos] === close) {
      stack.pop();
      pos++;
    } else if (text[pos] === ',') {
      pos++;
      bad = open === '{' ? readKey() : readValue();
    } else {
      bad = here(`expected ',' or '${close}'`);
    }
  }
  if (bad !== undefined) return bad;
  skip();
  return pos < text.length ? here('unexpected text after the end of the JSON value') : undefined;
}
