/**
 * Chip models (Loihi, DynapSim) pair with a synapse kind of their own: a projection into such a
 * population must use that kind, and that kind may only reach such a population.
 */
import type { Population, PopulationModel, Projection, SynapseSpec } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag, modelPhrase } from './context.ts';

/** Calls `check` for every projection with its source and target (undefined when unknown). */
export function forEachProjectionEnds(
  ctx: CheckContext,
  check: (
    at: string,
    projection: Projection,
    source: Population | undefined,
    target: Population | undefined,
  ) => void,
): void {
  ctx.doc.projections.forEach((projection, i) => {
    const source = ctx.populations.get(projection.source)?.population;
    const target = ctx.populations.get(projection.target)?.population;
    check(`projections[${i}]`, projection, source, target);
  });
}

/**
 * Flags a mismatch between `model` targets and `kind` synapses, in either direction.
 *
 * @example checkChipSynapse(ctx, at, projection, target, 'loihi', 'loihi');
 */
export function checkChipSynapse(
  ctx: CheckContext,
  at: string,
  projection: Projection,
  target: Population | undefined,
  model: PopulationModel,
  kind: SynapseSpec['kind'],
): void {
  const synapse = projection.synapse;
  if (target?.model === model && synapse.kind !== kind) {
    flag(
      ctx,
      `${at}.synapse.kind`,
      `${modelPhrase(target)}; a projection into it must use a ${kind} synapse, got ${synapse.kind}`,
    );
  }
  if (synapse.kind === kind && target !== undefined && target.model !== model) {
    flag(
      ctx,
      `${at}.synapse.kind`,
      `a ${kind} synapse needs a ${model} target; ${modelPhrase(target)}`,
    );
  }
}
