// The size of a shared URL for each example (issue 10, "Speed"): the JSON of the document,
// the student link `#doc=...` (deflate-raw, base64url), the same with a teacher's policy that
// locks three parameters, ranges two and hides two page parts plus a lesson, and the embed
// widget's `#/embed?doc=...`. Characters of the hash only, `#` included (add the page's
// address). Documents are validated first (defaults filled), as the page holds them.
// Usage: npx tsx scripts/share-url-sizes.ts [--json]
import { readFileSync } from 'node:fs';
import type { ControlPolicy } from '../src/model/classroom/policy.ts';
import type { NetworkDocument } from '../src/model/document.ts';
import { parseDocumentJson } from '../src/model/index.ts';
import { numericParams, readParam } from '../src/model/param-path.ts';
import { encodeEmbedHash, encodeShareState } from '../src/store/persistence/share-url.ts';

interface Row {
  file: string;
  json: number;
  link: number;
  teacher: number;
  embed: number;
}

/** A policy of the size a teacher makes: the first parameters locked, the next ranged. */
function typicalPolicy(doc: NetworkDocument): ControlPolicy {
  const paths = numericParams(doc);
  const ranges: ControlPolicy['ranges'] = {};
  for (const path of paths.slice(3, 5)) {
    const value = readParam(doc, path) ?? 0;
    ranges[path] = { min: value - Math.abs(value), max: value + Math.abs(value) + 1 };
  }
  return { hidden: ['ui/palette', 'ui/tab-hardware'], locked: paths.slice(0, 3), ranges };
}

const index = JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as { file: string }[];
const rows: Row[] = [];
for (const { file } of index) {
  const text = readFileSync(`public/examples/${file}`, 'utf8');
  // Validated, as the page holds it (defaults filled), so the numbers are the app's links.
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(`${file} does not validate`);
  const doc = parsed.document;
  rows.push({
    file,
    json: JSON.stringify(doc).length,
    link: (await encodeShareState(doc)).length + 1,
    teacher:
      (await encodeShareState(doc, { policy: typicalPolicy(doc), lesson: { id: 'sc', step: 2 } }))
        .length + 1,
    embed: (await encodeEmbedHash(doc)).length + 1,
  });
}

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  console.log(
    `${'example'.padEnd(24)}${pad('JSON', 9)}${pad('link', 9)}${pad('teacher', 9)}${pad('embed', 9)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(24)}${pad(r.json, 9)}${pad(r.link, 9)}${pad(r.teacher, 9)}${pad(r.embed, 9)}`,
    );
  }
}
