/**
 * One run of the fixed-point bench: the vectors, the engine's expected records, and a function
 * that builds and runs the bench (or a variant of its sources) and parses what it wrote.
 */
import { expect } from 'vitest';
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench, signedWord, unsignedWord } from './simulators.ts';
import {
  FXP_GRID,
  type FxpRecord,
  type FxpVector,
  fxpExpected,
  fxpVectors,
  fxpWords,
} from './fxp-cases.ts';

/** 14 corner cases and 400 random vectors per grid entry (4,968 in all). */
export const FXP_VECTORS: readonly FxpVector[] = fxpVectors(0xf1f0, 400);
export const FXP_EXPECTED: readonly FxpRecord[] = FXP_VECTORS.map(fxpExpected);

/** The bench's per-vector lines as records. */
function parseRecords(lines: readonly string[]): FxpRecord[] {
  return lines.map((line) => {
    const [v, refr, spike, decayed, delivered] = line.trim().split(/\s+/);
    return {
      v: signedWord(v ?? ''),
      refr: unsignedWord(refr ?? ''),
      spike: unsignedWord(spike ?? ''),
      decayed: signedWord(decayed ?? ''),
      delivered: signedWord(delivered ?? ''),
    };
  });
}

/** Vector `n`'s grid entry and inputs, for a failure message. */
export function describeFxpVector(n: number): string {
  const x = FXP_VECTORS[n];
  if (!x) return 'none';
  const { w, s } = FXP_GRID[x.cfg] ?? { w: 0, s: 0 };
  return `W=${w} S=${s} ${JSON.stringify(x)}`;
}

/** Builds `bench` in `simulator` under `dir`, runs every vector and returns its records. */
export function simulateFxp(simulator: Simulator, bench: Bench, dir: string): FxpRecord[] {
  const command = buildBench(simulator, bench, dir);
  const words = FXP_VECTORS.flatMap(fxpWords);
  const lines = runBench(command, dir, words, FXP_VECTORS.length);
  const headers = lines.slice(0, FXP_GRID.length);
  expect(headers).toEqual(FXP_GRID.map(({ w, s }, k) => `config ${k} ${w} ${s}`));
  return parseRecords(lines.slice(FXP_GRID.length));
}
