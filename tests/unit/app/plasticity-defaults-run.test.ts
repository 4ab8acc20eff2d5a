/**
 * "Defaults that work": each rule the Plasticity section picks, with its defaults, changes the
 * weights of the default network's input projection within 300 ms on the reference backend,
 * and keeps them inside the rule's bounds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import { replaceProjection, withRuleChoice } from '../../../src/app/inspector/plasticity-edits.ts';

function defaultNetwork(): NetworkDocument {
  const url = new URL('../../../public/examples/default.json', import.meta.url);
  const parsed = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return { ...parsed.document, run: { ...parsed.document.run, duration: 300 } };
}

describe('rule defaults in a run', () => {
  it.each(['stdp', 'rstdp', 'online_o1', 'homeostatic'] as const)(
    '%s moves most weights of input_exc (0.08 each) within 300 ms',
    async (rule) => {
      const doc = defaultNetwork();
      const projection = doc.projections.find((p) => p.id === 'input_exc');
      if (projection === undefined) throw new Error('no input_exc');
      const picked = withRuleChoice(doc, projection, rule);
      if (typeof picked === 'string') throw new Error(picked);
      const sim = await createSimulation(replaceProjection(doc, picked), { backend: 'reference' });
      try {
        const before = (await sim.learnedWeights()).input_exc ?? new Float32Array();
        await sim.step(sim.totalSteps);
        const after = (await sim.learnedWeights()).input_exc ?? new Float32Array();
        expect(after.length).toBe(before.length);
        const moved = after.filter((w, k) => w !== before[k]).length;
        expect(moved).toBeGreaterThan(after.length / 2);
        const p = picked.plasticity;
        if (p?.rule === 'stdp' || p?.rule === 'rstdp') {
          for (const w of after) {
            expect(w).toBeGreaterThanOrEqual(p.w_min);
            expect(w).toBeLessThanOrEqual(Math.fround(p.w_max));
          }
        }
      } finally {
        sim.dispose();
      }
    },
  );
});
