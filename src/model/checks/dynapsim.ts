/**
 * Checks of DynapSim populations and DPI synapses: DynapSim targets take DPI synapses only (their
 * input is a weighted spike count scaled by Iscale, not a voltage or an exponential current) and
 * DPI synapses reach DynapSim targets only; a weight list matches the synapse count; the
 * threshold lies above the dark current Io, which is where Imem rests and resets.
 */
import type { Population, Projection } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { checkPerSynapseList } from './per-synapse-list.ts';
import { checkChipSynapse, forEachProjectionEnds } from './chip-synapse.ts';

/** Every DynapSim rule of the document. */
export function checkDynapsim(ctx: CheckContext): void {
  ctx.doc.populations.forEach((population, i) => {
    if (population.model !== 'dynapsim') return;
    const p = population.params;
    if (p.Ispkthr <= p.Io) {
      flag(
        ctx,
        `populations[${i}].params.Ispkthr`,
        `must be above the dark current Io (${p.Io} A), where Imem rests and resets, or the ` +
          `neuron would spike every step; got ${p.Ispkthr}`,
      );
    }
  });
  forEachProjectionEnds(ctx, (at, projection, source, target) =>
    checkProjection(ctx, at, projection, source, target),
  );
}

function checkProjection(
  ctx: CheckContext,
  at: string,
  projection: Projection,
  source: Population | undefined,
  target: Population | undefined,
): void {
  checkChipSynapse(ctx, at, projection, target, 'dynapsim', 'dpi');
  const synapse = projection.synapse;
  if (synapse.kind !== 'dpi') return;
  if (synapse.weights === undefined || source === undefined || target === undefined) return;
  checkPerSynapseList(
    ctx,
    `${at}.synapse.weights`,
    projection,
    source,
    target,
    synapse.weights.length,
  );
}
