/**
 * One run of the LFSR bench: the stimulus, the engine's expected records, and a function that
 * builds and runs the bench (or a variant of its sources) and parses what it wrote.
 */
import { expect } from 'vitest';
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench, unsignedWord } from './simulators.ts';
import {
  LFSR_TABLE,
  type LfsrCycle,
  type LfsrRecord,
  lfsrExpected,
  lfsrHeader,
  lfsrStimulus,
  lfsrWord,
} from './lfsr-cases.ts';

export const LFSR_CYCLES = 1200;
export const LFSR_STIMULUS: readonly LfsrCycle[] = lfsrStimulus(0x5eed1f5, LFSR_CYCLES);
/** Clock-major: clock n, table entry k at n * entries + k. */
export const LFSR_EXPECTED: readonly LfsrRecord[] = lfsrExpected(LFSR_STIMULUS).flat();

/** The bench's per-clock lines as records, clock-major. */
function parseCycles(lines: readonly string[]): LfsrRecord[] {
  return lines.flatMap((line) => {
    const words = line.trim().split(/\s+/);
    const records: LfsrRecord[] = [];
    for (let k = 0; k + 1 < words.length; k += 2) {
      records.push({ state: unsignedWord(words[k] ?? ''), next: unsignedWord(words[k + 1] ?? '') });
    }
    return records;
  });
}

/** Record `index`'s clock and register, for a failure message. */
export function describeLfsrRecord(index: number): string {
  const n = Math.floor(index / LFSR_TABLE.length);
  const k = index % LFSR_TABLE.length;
  const config = LFSR_TABLE[k];
  return `clock ${n}, table entry ${k} (${config ? lfsrHeader(k, config) : 'none'})`;
}

/** Builds `bench` in `simulator` under `dir`, clocks it and returns its records. */
export function simulateLfsr(simulator: Simulator, bench: Bench, dir: string): LfsrRecord[] {
  const command = buildBench(simulator, bench, dir);
  const lines = runBench(command, dir, LFSR_STIMULUS.map(lfsrWord), LFSR_CYCLES);
  const headers = lines.slice(0, LFSR_TABLE.length);
  expect(headers).toEqual(LFSR_TABLE.map((c, k) => lfsrHeader(k, c)));
  return parseCycles(lines.slice(LFSR_TABLE.length));
}
