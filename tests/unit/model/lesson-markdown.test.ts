import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../src/model/lesson/index.ts';

describe('lesson markdown subset', () => {
  it('reads paragraphs, lists, bold, code and app links', () => {
    expect(parseMarkdown('Press **Run** now,\nthen wait.\n\n- one `v`\n* two')).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Press ' },
          { kind: 'bold', text: 'Run' },
          { kind: 'text', text: ' now, then wait.' },
        ],
      },
      {
        kind: 'list',
        items: [
          [
            { kind: 'text', text: 'one ' },
            { kind: 'code', text: 'v' },
          ],
          [{ kind: 'text', text: 'two' }],
        ],
      },
    ]);
    expect(parseInline('see [the SC lesson](#/learn/sc).')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'the SC lesson', href: '#/learn/sc' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markup, unclosed markers and foreign links as plain text', () => {
    expect(parseInline('<img src=x onerror=alert(1)> **open `x')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> **open `x' },
    ]);
    expect(parseInline('[x](javascript:alert(1)) [y](https://example.com)')).toEqual([
      { kind: 'text', text: '[x](javascript:alert(1)) [y](https://example.com)' },
    ]);
    expect(parseInline('`**not bold**`')).toEqual([{ kind: 'code', text: '**not bold**' }]);
  });
});
