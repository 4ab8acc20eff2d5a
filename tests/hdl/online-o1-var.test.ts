/**
 * hdl/online_o1_var.v (the OnlineO1 step with its configuration as inputs, as the network core
 * runs it) against the engine's `stepOnlineO1`: the corner, random and chained vectors of
 * online_o1_update's bench at its eight configurations, through one instance, in Icarus and in
 * Verilator; two copies with a slip must be caught.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstMismatch } from './mismatch.ts';
import { O1_EXPECTED, O1_VECTORS, describeO1Vector, runO1 } from './online-o1-run.ts';
import { REPO_ROOT, SIMULATORS, buildBench, workDir } from './simulators.ts';

const BENCH = {
  top: 'tb_online_o1_var',
  sources: ['hdl/tb/tb_online_o1_var.v', 'hdl/online_o1_var.v'],
};

describe.each(SIMULATORS)('hdl/online_o1_var.v computes as the engine (%s)', (simulator) => {
  const work = workDir(`o1-var-${simulator}`);
  let command: string[] = [];
  beforeAll(() => {
    command = buildBench(simulator, BENCH, work.dir);
  });
  afterAll(() => work.dispose());

  it('every output of every vector, each configuration arriving at run time', () => {
    const got = runO1(command, work.dir, O1_VECTORS);
    expect(got.length).toBe(O1_VECTORS.length);
    expect(firstMismatch(O1_EXPECTED, got, (n) => describeO1Vector(O1_VECTORS, n))).toBeNull();
  });
});

// Slips the vectors must catch: a logical shift of a negative product, no eligibility clamp.
const MUTANTS = [
  { from: 's3_product >>> s3_ls', to: 's3_product >> s3_ls', field: /field weight:/ },
  {
    from: '(elig_sum > s1_elig_max) ? s1_elig_max :',
    to: '',
    field: /field (eligibility|weight):/,
  },
] as const;

describe('the comparison reports a broken online_o1_var (Icarus)', () => {
  it.each(MUTANTS)('$from -> $to', ({ from, to, field }) => {
    const work = workDir('o1-var-mutant');
    try {
      const text = readFileSync(join(REPO_ROOT, 'hdl/online_o1_var.v'), 'utf8');
      expect(text).toContain(from);
      const copy = join(work.dir, 'online_o1_var.v');
      writeFileSync(copy, text.replace(from, to));
      const bench = { ...BENCH, sources: ['hdl/tb/tb_online_o1_var.v', copy] };
      const got = runO1(buildBench('icarus', bench, work.dir), work.dir, O1_VECTORS);
      const mismatch = firstMismatch(O1_EXPECTED, got, (n) => describeO1Vector(O1_VECTORS, n));
      expect(mismatch).toMatch(field);
    } finally {
      work.dispose();
    }
  });
});
