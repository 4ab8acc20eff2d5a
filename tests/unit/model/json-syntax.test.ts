import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { findJsonSyntaxError } from '../../../src/model/json-syntax.ts';
import { looseDocument } from './helpers.ts';
import { rng } from './random-values.ts';

/** The 0-based offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

describe('JSON syntax errors name a line and column', () => {
  it('reports a trailing comma in a pretty-printed file at the closing brace', () => {
    const text = '{\n  "format": "spikelab-network",\n  "version": 1,\n}\n';
    expect(parseDocumentJson(text)).toEqual({
      ok: false,
      issues: [
        {
          path: '(file)',
          message: 'is not valid JSON: line 4, column 1: expected a property name in double quotes',
        },
      ],
    });
  });

  it.each([
    ['', 1, 1, 'unexpected end of text, expected a value'],
    ['{"a": 1', 1, 8, "unexpected end of text, expected ',' or '}'"],
    ['[1, 2,\n 3 4]', 2, 4, "expected ',' or ']'"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": \'x\'}', 1, 7, 'strings need double quotes'],
    ['{"a" 1}', 1, 6, "expected ':' after a property name"],
    ['{"a": "b\nc"}', 1, 9, 'control character (such as a line break) inside a string'],
    ['"\\x"', 1, 3, 'invalid escape in a string'],
    ['{"a": tru}', 1, 10, 'expected true'],
    ['{"a": 1.}', 1, 9, 'expected a digit'],
    ['{} {}', 1, 4, 'unexpected text after the end of the JSON value'],
    ['[-]', 1, 3, 'expected a digit'],
    ['[1e+]', 1, 5, 'expected a digit'],
  ])('%j -> line %i, column %i', (text, line, column, reason) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it('finds nothing wrong exactly when JSON.parse succeeds, and agrees with V8 on the offset', () => {
    const next = rng(11);
    const valid = JSON.stringify(looseDocument(), null, 2);
    const alphabet = '{}[]":,. 0123456789-+eEtrufalsn\\\n\'x';
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      let text = valid;
      for (let k = 0; k < 1 + (i % 3); k++) {
        const at = Math.floor(next() * text.length);
        const insert = alphabet[Math.floor(next() * alphabet.length)] ?? '';
        text =
          next() < 0.5
            ? text.slice(0, at) + insert + text.slice(at + 1)
            : text.slice(0, at) + text.slice(at + 1);
      }
      let v8Position: number | undefined;
      let parses = true;
      try {
        JSON.parse(text);
      } catch (error) {
        parses = false;
        const match = /at position (\d+)/.exec(String(error));
        if (match?.[1] !== undefined) v8Position = Number(match[1]);
      }
      const found = findJsonSyntaxError(text);
      expect(found === undefined, text).toBe(parses);
      if (found !== undefined && v8Position !== undefined) {
        expect(offsetOf(text, found.line, found.column), text).toBe(v8Position);
        compared++;
      }
    }
    // Older and newer V8 word their messages differently; make sure the comparison ran at all.
    expect(compared).toBeGreaterThan(100);
  });

  it('ignores a byte-order mark at the start of a file', () => {
    const text = `\uFEFF${JSON.stringify(looseDocument(), null, 2)}`;
    expect(parseDocumentJson(text).ok).toBe(true);
  });

  it('survives nesting far deeper than the call stack allows', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toEqual({
      line: 1,
      column: 200_001,
      reason: 'unexpected end of text, expected a value',
    });
  });
});
