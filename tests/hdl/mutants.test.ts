/**
 * The harness can fail: copies of the modules with one deliberate slip each (a logical instead
 * of an arithmetic shift, a wrapping instead of a saturating add, XNOR instead of XOR feedback)
 * run through the same benches in Icarus, and the comparison must name the field that differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FXP_BENCH, LFSR_BENCH } from './benches.ts';
import { FXP_EXPECTED, describeFxpVector, simulateFxp } from './fxp-run.ts';
import { LFSR_EXPECTED, describeLfsrRecord, simulateLfsr } from './lfsr-run.ts';
import { firstMismatch } from './mismatch.ts';
import { type Bench, REPO_ROOT, workDir } from './simulators.ts';

/** `bench` with `file` replaced by a copy in `dir` where `from` (which must occur) is `to`. */
function mutate(bench: Bench, file: string, from: string, to: string, dir: string): Bench {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  if (!text.includes(from)) throw new Error(`mutant: '${from}' not found in ${file}`);
  const copy = join(dir, file.replaceAll('/', '_'));
  writeFileSync(copy, text.replace(from, to));
  return { ...bench, sources: bench.sources.map((s) => (s === file ? copy : s)) };
}

const FXP_MUTANTS = [
  {
    file: 'hdl/fxp_lif_update.v',
    from: '* leak_x) >>> S',
    to: '* leak_x) >> S',
    field: 'field v',
  },
  {
    file: 'hdl/fxp_channel.v',
    from: 'assign delivered = overflow ? bound : sum[W-1:0];',
    to: 'assign delivered = sum[W-1:0];',
    field: 'field delivered',
  },
] as const;

describe('the hdl comparison reports a broken module', () => {
  it.each(FXP_MUTANTS)('$file: $from -> $to', ({ file, from, to, field }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(FXP_BENCH, file, from, to, work.dir);
      const mismatch = firstMismatch(
        FXP_EXPECTED,
        simulateFxp('icarus', bench, work.dir),
        describeFxpVector,
      );
      expect(mismatch).toContain(field);
    } finally {
      work.dispose();
    }
  });

  it('hdl/lfsr.v: XNOR feedback', () => {
    const work = workDir('mutant');
    try {
      const bench = mutate(
        LFSR_BENCH,
        'hdl/lfsr.v',
        '^(state & TAPS)',
        '~^(state & TAPS)',
        work.dir,
      );
      const mismatch = firstMismatch(
        LFSR_EXPECTED,
        simulateLfsr('icarus', bench, work.dir),
        describeLfsrRecord,
      );
      expect(mismatch).toMatch(/^vector \d+, field (state|next):/);
    } finally {
      work.dispose();
    }
  });
});
