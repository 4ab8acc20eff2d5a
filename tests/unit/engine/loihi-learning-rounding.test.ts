/**
 * The statistical comparison with brian2-loihi (loihi-learning.test.ts) has the power to see a
 * wrong rounding rule: the same engine with its uniform draws replaced by a constant (so dw and
 * the traces are rounded deterministically: to nearest, always away from 0, or truncated)
 * falls outside the 5-standard-error bound on w and on the traces, while the engine's own
 * draws stay inside it.
 */
import { describe, expect, it, vi } from 'vitest';
import { LEARNING_VECTORS, learningCaseDocument } from './fixtures/loihi-learning-documents.ts';
import { expectMoments } from './fixtures/loihi-learning-moments.ts';
import { runDocument } from './fixtures/run.ts';

const forced = vi.hoisted(() => ({ value: null as number | null }));

vi.mock(import('../../../src/engine/random.ts'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    uniformFromBits: (bits: number): number => forced.value ?? actual.uniformFromBits(bits),
  };
});

/** Failing (variable, step) lines of a case, with every draw replaced by `u` (null: real). */
async function failuresWith(u: number | null, caseIndex: number): Promise<string[]> {
  const c = LEARNING_VECTORS.statistical[caseIndex];
  if (!c) throw new Error(`no statistical case ${caseIndex}`);
  forced.value = u;
  try {
    return expectMoments(c, await runDocument(learningCaseDocument(c), 'reference'));
  } finally {
    forced.value = null;
  }
}

const WRONG_RULES: readonly [string, number][] = [
  ['round half down (add when the fraction > 0.5)', 0.5],
  ['round away from 0 (add when the fraction > 0)', 0],
  ['truncate (never add)', 1 - 2 ** -24],
];

describe('the statistical bound catches wrong rounding rules', () => {
  LEARNING_VECTORS.statistical.forEach((c, index) => {
    it(`${c.name}: the engine's draws pass`, async () => {
      expect(await failuresWith(null, index)).toEqual([]);
    });
    for (const [rule, u] of WRONG_RULES) {
      it(`${c.name}: ${rule} fails on w and on the traces`, async () => {
        const failures = await failuresWith(u, index);
        expect(failures.some((f) => f.startsWith('syn0 w '))).toBe(true);
        expect(failures.some((f) => /^syn0 [xy]\d /.test(f))).toBe(true);
      });
    }
  });
});
