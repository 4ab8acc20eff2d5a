/**
 * Files we write, as h5py reads them (/usr/bin/python3 with Debian's python3-h5py; CI installs
 * it, and a missing one fails here): every fixture that nir.write saved, read and written again
 * by us, is dataset for dataset the file nir.write made (dtype, shape, gzip level, values,
 * strings), so the NIR library, which reads through h5py, reads ours as it reads its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNirFile, writeNirFile } from '../../../src/model/interchange/nir/graph.ts';
import { h5pyDump, NIR_FIXTURE_DIR, nirFixtures } from './nir-hdf5-fixtures.ts';

/** A dump with each dataset's compression left out. */
function withoutCompression(file: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.entries(file).map(([path, { compression: _c, compression_opts: _o, ...rest }]) => [
      path,
      rest,
    ]),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'spikelab-nir-h5py-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeNirFile, read by h5py', () => {
  it('writes every fixture back as nir.write wrote it', async () => {
    const pairs: [string, string][] = [];
    for (const fixture of nirFixtures()) {
      const { version, graph } = await readNirFile(fixture.bytes);
      const ours = join(dir, `${fixture.name}.nir`);
      writeFileSync(ours, await writeNirFile(graph, version));
      pairs.push([join(NIR_FIXTURE_DIR, `${fixture.name}.nir`), ours]);
    }
    const dump = h5pyDump(pairs.flat());
    for (const [theirs, ours] of pairs) {
      const want = dump[theirs] ?? {};
      const got = dump[ours] ?? {};
      expect(Object.keys(want).length, theirs).toBeGreaterThan(5);
      expect(withoutCompression(got), ours).toEqual(withoutCompression(want));
      // Where nir.write compressed (every numpy array), so did we; it leaves Python tuples
      // (a Conv2d's stride) uncompressed, which we cannot tell from arrays: those we compress.
      for (const [path, entry] of Object.entries(want)) {
        if (entry['compression'] === 'gzip') {
          expect(got[path], `${ours} ${path}`).toMatchObject({
            compression: 'gzip',
            compression_opts: 4,
          });
        }
      }
    }
    // One dataset in detail, so that the comparison above is known to see what matters.
    const weight =
      dump[pairs.find(([t]) => t.endsWith('conv2d_pool.nir'))?.[1] ?? '']?.[
        '/node/nodes/conv/weight'
      ];
    expect(weight).toMatchObject({
      dtype: 'float32',
      shape: [2, 1, 3, 3],
      compression: 'gzip',
      compression_opts: 4,
    });
  });
});
