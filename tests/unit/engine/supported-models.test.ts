/** Backends refuse models they do not step, naming the population, instead of mis-running them. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import type { ModelPlan, Plan } from '../../../src/engine/plan.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { createGpuBackend } from '../../../src/engine/backends/gpu/index.ts';
import { requireModels } from '../../../src/engine/backends/supported-models.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

/** A compiled plan whose second population claims a model no backend knows. */
function planWithUnknownModel(): Plan {
  const plan = compile(
    makeDocument({
      populations: [
        lifPopulation('known', 2, tutorialLif({ bias: 0.08 })),
        lifPopulation('future', 3, tutorialLif({ bias: 0.08 })),
      ],
    }),
  );
  const future = plan.populations[1];
  if (future === undefined) throw new Error('fixture has two populations');
  future.model = { model: 'not_a_model' } as unknown as ModelPlan;
  return plan;
}

describe('requireModels', () => {
  it('accepts a plan whose models are all supported', () => {
    const plan = compile(
      makeDocument({ populations: [lifPopulation('n', 1, tutorialLif({ bias: 0.08 }))] }),
    );
    expect(() => requireModels('x', plan, new Set(['stochastic_lif']))).not.toThrow();
  });

  it('names the population and its model', () => {
    const plan = planWithUnknownModel();
    expect(() => requireModels('x', plan, new Set(['stochastic_lif']))).toThrow(
      "population 'future' uses the not_a_model model",
    );
  });

  it('wasm and every gpu mode refuse such a plan as unavailable, so auto moves on', async () => {
    const plan = planWithUnknownModel();
    await expect(createWasmBackend(plan)).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(createGpuBackend(plan, 'cpu')).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(createGpuBackend(plan, 'auto')).rejects.toThrow(/not_a_model/);
  });
});
