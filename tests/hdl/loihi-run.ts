/**
 * One run of the Loihi compartment bench: its sources, the vectors, the engine's expected
 * records, and a function that builds and runs the bench (or a variant of its sources) and
 * parses what it wrote.
 */
import { expect } from 'vitest';
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench, signedWord, unsignedWord } from './simulators.ts';
import {
  LOIHI_GRID,
  type LoihiRecord,
  type LoihiVector,
  loihiExpected,
  loihiRecord,
  loihiVectors,
  loihiWords,
} from './loihi-cases.ts';

export const LOIHI_BENCH: Bench = {
  top: 'tb_loihi_compartment',
  sources: ['hdl/tb/tb_loihi_compartment.v', 'hdl/loihi_compartment.v'],
};

/** 20 or 25 corner cases and 2,000 random vectors per grid entry (4,045 in all). */
export const LOIHI_VECTORS: readonly LoihiVector[] = loihiVectors(0x10a1c, 2000);
export const LOIHI_EXPECTED: readonly LoihiRecord[] = LOIHI_VECTORS.map(loihiExpected);

/** The bench's per-vector lines as records. */
function parseRecords(lines: readonly string[]): LoihiRecord[] {
  return lines.map((line) => {
    const [v, i, refr, spike, overflow] = line.trim().split(/\s+/);
    return loihiRecord(
      signedWord(v ?? ''),
      signedWord(i ?? ''),
      unsignedWord(refr ?? ''),
      unsignedWord(spike ?? ''),
      unsignedWord(overflow ?? ''),
    );
  });
}

/** Vector `n`'s grid entry and inputs, for a failure message. */
export function describeLoihiVector(n: number): string {
  const x = LOIHI_VECTORS[n];
  if (!x) return 'none';
  const { vw, rw } = LOIHI_GRID[x.cfg] ?? { vw: 0, rw: 0 };
  return `VW=${vw} RW=${rw} ${JSON.stringify(x)}`;
}

/** Runs `vectors` through a built bench (`command`) in `dir` and returns its records. */
export function runLoihi(
  command: readonly string[],
  dir: string,
  vectors: readonly LoihiVector[],
): LoihiRecord[] {
  const lines = runBench(command, dir, vectors.flatMap(loihiWords), vectors.length);
  const headers = lines.slice(0, LOIHI_GRID.length);
  expect(headers).toEqual(LOIHI_GRID.map(({ vw, rw }, k) => `config ${k} ${vw} ${rw}`));
  return parseRecords(lines.slice(LOIHI_GRID.length));
}

/** Builds `bench` in `simulator` under `dir`, runs every vector and returns its records. */
export function simulateLoihi(simulator: Simulator, bench: Bench, dir: string): LoihiRecord[] {
  return runLoihi(buildBench(simulator, bench, dir), dir, LOIHI_VECTORS);
}
