/**
 * Cross-checks of `nir_neuron` populations (CONTEXT.md step 2g): a per-neuron array has one
 * value per neuron, and projections into such a population are `delta` (compile routes them into
 * the population's input channel, read by the next step's integration). The schema has already
 * checked that every value is finite and every tau > 0; probes of `u`/`w` are refused by
 * `checkAdaptationProbe`, plasticity onto it by `checks/plasticity.ts`.
 */
import type { NirNeuronParams } from '../document-nir.ts';
import { nirField, nirNumberFields } from '../document-nir.ts';
import type { CheckContext } from './context.ts';
import { flag, modelPhrase } from './context.ts';
import { forEachProjectionEnds } from './chip-synapse.ts';

/** Every array field of `params` (at `at`) has `size` values. */
export function checkNirNeuron(
  ctx: CheckContext,
  at: string,
  size: number,
  params: NirNeuronParams,
): void {
  for (const key of nirNumberFields(params.type)) {
    const value = nirField(params, key);
    if (Array.isArray(value) && value.length !== size) {
      flag(
        ctx,
        `${at}.${key}`,
        `must have one value per neuron (size ${size}) or be a single number, got ${value.length} values`,
      );
    }
  }
}

/** Projections into a `nir_neuron` population must use `delta` synapses. */
export function checkNirInputs(ctx: CheckContext): void {
  forEachProjectionEnds(ctx, (at, projection, _source, target) => {
    if (target?.model !== 'nir_neuron' || projection.synapse.kind === 'delta') return;
    flag(
      ctx,
      `${at}.synapse.kind`,
      `${modelPhrase(target)}; a projection into it must use a delta synapse (its weights ` +
        `reach the next step's input; the model's own tau_syn filters them), got ${projection.synapse.kind}`,
    );
  });
}
