/** The NIR fixtures of tests/fixtures/nir (written by scripts/nir-fixtures/make_fixtures.py). */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NIR_FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'nir');

/** A parameter as the script summarises it: an array, a scalar or a string. */
export type SummaryParam =
  | { dtype: string; shape: number[]; values: (number | string)[] }
  | { scalar: number }
  | { string: string };

export interface SummaryGraph {
  nodes: Record<string, SummaryNode>;
  edges: [string, string][];
}

export type SummaryNode =
  | { type: 'NIRGraph'; nodes: SummaryGraph['nodes']; edges: [string, string][] }
  | { type: string; params: Record<string, SummaryParam> };

export interface NirFixture {
  name: string;
  bytes: Uint8Array;
  expected: { nir_version: string; graph: SummaryGraph };
}

/** Every fixture, by name order. */
export function nirFixtures(): NirFixture[] {
  return readdirSync(NIR_FIXTURE_DIR)
    .filter((f) => f.endsWith('.nir'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.nir'.length);
      return {
        name,
        bytes: new Uint8Array(readFileSync(join(NIR_FIXTURE_DIR, file))),
        expected: JSON.parse(
          readFileSync(join(NIR_FIXTURE_DIR, `${name}.expected.json`), 'utf8'),
        ) as NirFixture['expected'],
      };
    });
}

const DUMP = join(import.meta.dirname, '..', '..', '..', 'scripts', 'nir-fixtures', 'h5py_dump.py');

export type H5pyDump = Record<string, Record<string, Record<string, unknown>>>;

/** What h5py reads in each file (one Python process for all of them). */
export function h5pyDump(paths: string[]): H5pyDump {
  const out = execFileSync('/usr/bin/python3', [DUMP, ...paths], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(out) as H5pyDump;
}
