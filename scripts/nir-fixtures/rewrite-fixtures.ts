/**
 * Reads every fixture of tests/fixtures/nir with readNirFile and writes it again with
 * writeNirFile into DIR, for check_nir_read.py (the NIR library is not on CI machines, so that
 * check runs by hand):
 *   npx tsx scripts/nir-fixtures/rewrite-fixtures.ts /tmp/nir-ours
 *   PYTHONPATH=/path/to/nir-source /usr/bin/python3 scripts/nir-fixtures/check_nir_read.py /tmp/nir-ours
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNirFile, writeNirFile } from '../../src/model/interchange/nir/graph.ts';

const source = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'nir');
const target = process.argv[2];
if (target === undefined) throw new Error('usage: rewrite-fixtures.ts DIR');
mkdirSync(target, { recursive: true });
for (const file of readdirSync(source).filter((f) => f.endsWith('.nir'))) {
  const { version, graph } = await readNirFile(new Uint8Array(readFileSync(join(source, file))));
  writeFileSync(join(target, file), await writeNirFile(graph, version));
  console.log(`${file}: rewritten`);
}
