/**
 * Every brian2-loihi learning case (`fixtures/loihi-learning-vectors.json`: the exact ones and
 * the statistical ones) and the gallery's Loihi learning example run bit-identically on the
 * wasm kernel and the reference: spikes, v, I, and w, w_act and every trace of every synapse, in
 * odd chunks.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { validateDocument } from '../../../src/model/index.ts';
import {
  LEARNING_VECTORS,
  learningCaseDocument,
  type LearningCase,
} from './fixtures/loihi-learning-documents.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import example from '../../../public/examples/loihi-learning.json';

const CASES: LearningCase[] = [...LEARNING_VECTORS.exact, ...LEARNING_VECTORS.statistical];

describe('wasm Loihi learning on the brian2-loihi cases', () => {
  it('has cases to compare', () => {
    expect(LEARNING_VECTORS.exact.length).toBeGreaterThan(5);
    expect(LEARNING_VECTORS.statistical.length).toBeGreaterThan(0);
  });

  it('the gallery example (pair STDP)', async () => {
    const result = validateDocument(example);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const plan = compile(result.document);
    expect(plan.probes.some((p) => p.kind === 'synapse')).toBe(true);
    const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
    expectIdentical(await runChunks(createWasmBackend, plan, 61), reference);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    for (const seed of [1, 2]) {
      const result = validateDocument(learningCaseDocument(c, seed));
      if (!result.ok) throw new Error(`case ${c.name}: ${JSON.stringify(result.issues)}`);
      const plan = compile(result.document);
      expect(plan.projections.some((p) => p.learning)).toBe(true);
      const reference = await runChunks(createReferenceBackend, plan, plan.totalSteps);
      expectIdentical(await runChunks(createWasmBackend, plan, 17), reference);
    }
  });
});
