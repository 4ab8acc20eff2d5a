/**
 * The markdown subset of lesson text: paragraphs (blank-line separated), `- ` or `* ` lists,
 * **bold**, `code` and links to pages of the app (`[the SC lesson](#/learn/sc)`; any other
 * address stays plain text, so a lesson cannot send a student off-site or run `javascript:`). Parsed into plain data that the page renders as React elements, never
 * as HTML, so a lesson file cannot inject markup: `<b>` in a lesson shows as the text `<b>`.
 */

export type Inline =
  { kind: 'text' | 'bold' | 'code'; text: string } | { kind: 'link'; text: string; href: string };

const LINK = /^\[([^\]]+)\]\((#\/[A-Za-z0-9/_-]*)\)/;

export type Block = { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; items: Inline[][] };

const LIST_ITEM = /^\s*[-*]\s+/;

/**
 * The spans of one line of text. A marker without its closing partner is plain text; inside
 * `code` nothing is interpreted.
 *
 * @example parseInline('a **b** `c`') // text 'a ', bold 'b', text ' ', code 'c'
 */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  let k = 0;
  const flush = () => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (k < text.length) {
    if (text[k] === '`') {
      const end = text.indexOf('`', k + 1);
      if (end > k + 1) {
        flush();
        out.push({ kind: 'code', text: text.slice(k + 1, end) });
        k = end + 1;
        continue;
      }
    }
    const link = text[k] === '[' ? LINK.exec(text.slice(k)) : null;
    if (link !== null) {
      flush();
      out.push({ kind: 'link', text: link[1]!, href: link[2]! });
      k += link[0].length;
      continue;
    }
    if (text.startsWith('**', k)) {
      const end = text.indexOf('**', k + 2);
      if (end > k + 2) {
        flush();
        out.push({ kind: 'bold', text: text.slice(k + 2, end) });
        k = end + 2;
        continue;
      }
    }
    plain += text[k];
    k += 1;
  }
  flush();
  return out;
}

/**
 * The blocks of a lesson text. Lines of a paragraph join with a space; a block whose every
 * line starts with `- ` or `* ` is a list.
 *
 * @example parseMarkdown('Hello\n\n- one\n- two') // a paragraph, then a list of two items
 */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => LIST_ITEM.test(line))) {
      blocks.push({
        kind: 'list',
        items: lines.map((l) => parseInline(l.replace(LIST_ITEM, '').trim())),
      });
    } else {
      blocks.push({
        kind: 'paragraph',
        inlines: parseInline(lines.map((l) => l.trim()).join(' ')),
      });
    }
  }
  return blocks;
}
