/**
 * A page for the browser half of the SC cross-backend test (`../sc-ops-cross.spec.ts`):
 * `window.__scOps.compare(name)` runs every SC operation on one backend in this page (webgl2 and
 * webgpu exist only here) over streams of awkward lengths and compares each result with the
 * JavaScript operations word for word, returning what differed. Comparing in the page keeps
 * megabit streams from crossing into the test process.
 */
import {
  and,
  benchStochasticComputing,
  bernoulliBitstream,
  createBitstream,
  createBitstreamBackend,
  mux,
  not,
  or,
  popcount,
  tailIsZero,
  xor,
} from '../../../src/engine/sc/index.ts';
import type {
  Bitstream,
  BitstreamBackendName,
  ScAndPopcountRow,
} from '../../../src/engine/sc/index.ts';

/** What `compare` found for one backend. */
export interface ScComparison {
  backend: string;
  /** Why the backend could not start, or null. */
  unavailable: string | null;
  /** Operations compared (each a length, an op and an input combination). */
  checked: number;
  /** Every operation whose result differed from the JS one, with the first difference. */
  mismatches: string[];
}

declare global {
  interface Window {
    __scOps?: {
      compare: (name: BitstreamBackendName) => Promise<ScComparison>;
      /** The bench's AND+popcount rows for these backends, in this page. */
      bench: (names: BitstreamBackendName[], words: number) => Promise<ScAndPopcountRow[]>;
    };
  }
}

const LENGTHS = [0, 1, 31, 32, 33, 4095, 65537];

/** Random streams of densities 0.5, 0.8 and 0.3, an all-ones and an all-zeros stream. */
function inputs(n: number, i: number): Bitstream[] {
  return [
    bernoulliBitstream(0.5, n, 1000 + 10 * i),
    bernoulliBitstream(0.8, n, 1001 + 10 * i),
    bernoulliBitstream(0.3, n, 1002 + 10 * i),
    not(createBitstream(n)),
    createBitstream(n),
  ];
}

const TRIPLES: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [3, 0, 2],
  [1, 3, 4],
  [3, 3, 3],
  [4, 2, 0],
];

function differs(got: Bitstream, want: Bitstream): string | null {
  if (got.length !== want.length) return `length ${got.length} instead of ${want.length}`;
  if (!tailIsZero(got)) return 'tail bits set';
  for (let w = 0; w < want.words.length; w++) {
    if (got.words[w] !== want.words[w]) {
      return `word ${w}: ${got.words[w]?.toString(16) ?? '-'} instead of ${want.words[w]?.toString(16) ?? '-'}`;
    }
  }
  return null;
}

async function compare(name: BitstreamBackendName): Promise<ScComparison> {
  const result: ScComparison = { backend: name, unavailable: null, checked: 0, mismatches: [] };
  let backend;
  try {
    backend = await createBitstreamBackend(name);
  } catch (error) {
    result.unavailable = error instanceof Error ? error.message : String(error);
    return result;
  }
  const check = (what: string, problem: string | null): void => {
    result.checked++;
    if (problem !== null) result.mismatches.push(`${what}: ${problem}`);
  };
  const countCheck = (what: string, got: number, want: number): void =>
    check(what, got === want ? null : `${got} ones instead of ${want}`);
  try {
    for (const [i, n] of LENGTHS.entries()) {
      const s = inputs(n, i);
      for (const [p, q, r] of TRIPLES) {
        const [a, b, sel] = [s[p], s[q], s[r]] as [Bitstream, Bitstream, Bitstream];
        const at = `${n} bits, inputs ${p},${q},${r}`;
        check(`and ${at}`, differs(await backend.and(a, b), and(a, b)));
        check(`or ${at}`, differs(await backend.or(a, b), or(a, b)));
        check(`xor ${at}`, differs(await backend.xor(a, b), xor(a, b)));
        check(`not ${at}`, differs(await backend.not(a), not(a)));
        check(`mux ${at}`, differs(await backend.mux(a, b, sel), mux(a, b, sel)));
        countCheck(`popcount ${at}`, await backend.popcount(a), popcount(a));
        const ones = popcount(and(a, b));
        countCheck(`and+popcount ${at}`, await backend.andPopcount(a, b), ones);
        const prepared = await backend.prepareAndPopcount(a, b);
        countCheck(`prepared and+popcount ${at}`, await prepared.run(), ones);
        prepared.dispose();
      }
    }
  } finally {
    backend.dispose();
  }
  return result;
}

async function bench(names: BitstreamBackendName[], words: number): Promise<ScAndPopcountRow[]> {
  const result = await benchStochasticComputing({
    words,
    minMs: 300,
    denseSteps: 100,
    backends: names,
  });
  return result.andPopcount;
}

window.__scOps = { compare, bench };
document.body.dataset['ready'] = 'true';
