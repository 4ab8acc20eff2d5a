/**
 * A network's shape for the resource fit: its population sizes and, per projection the core
 * delivers, the synapses it drew and how that count grows with the populations (the
 * connectivity rule). `scaleNeeds` gives the core's needs when every population is scaled by
 * one factor, for the search of the largest same-shape network that fits. Pure.
 */
import type { Plan } from '../../engine/plan.ts';
import type { Connectivity, NetworkDocument } from '../../model/document.ts';
import type { CoreLayout, CoreNeeds } from '../core-images.ts';

export interface ProjectionShape {
  source: number;
  target: number;
  synapses: number;
  /** Synapses grow with the source's size to this power (all-to-all, probability: 1). */
  sourcePower: number;
  /** ... and with the target's (fan-in: 1, one-to-one: 0 with sourcePower 1). */
  targetPower: number;
}

export interface NetworkShape {
  sizes: number[];
  projections: ProjectionShape[];
  /** The needs that do not scale: counts of populations and projections, delays, schedules. */
  needs: CoreNeeds;
}

/** How the synapse count of `rule` grows with the source and target sizes. */
export function growth(rule: Connectivity): { sourcePower: number; targetPower: number } {
  switch (rule.rule) {
    case 'all_to_all':
    case 'fixed_probability':
      return { sourcePower: 1, targetPower: 1 };
    case 'fixed_fan_in':
      return { sourcePower: 0, targetPower: 1 };
    case 'one_to_one':
      return { sourcePower: 1, targetPower: 0 };
    case 'explicit':
      // A fixed list of pairs: scaling the populations adds none.
      return { sourcePower: 0, targetPower: 0 };
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d':
      // A fixed kernel over a larger image: synapses grow with the source's neurons.
      return { sourcePower: 1, targetPower: 0 };
  }
}

/** The shape of `doc` from its compiled plan and core layout. */
export function networkShape(doc: NetworkDocument, plan: Plan, layout: CoreLayout): NetworkShape {
  return {
    sizes: plan.populations.map((p) => p.size),
    projections: layout.delivered.map((k) => {
      const pr = plan.projections[k];
      const spec = doc.projections.find((d) => d.id === pr?.id);
      if (pr === undefined || spec === undefined) {
        throw new Error(`networkShape: projection ${k} is not in the document`);
      }
      return {
        source: pr.source,
        target: pr.target,
        synapses: pr.csr.targets.length,
        ...growth(spec.connectivity),
      };
    }),
    needs: layout.needs,
  };
}

/** Total neurons of `shape` scaled by `factor` (each population at least one neuron). */
export function scaledSizes(shape: NetworkShape, factor: number): number[] {
  return shape.sizes.map((n) => Math.max(1, Math.round(n * factor)));
}

/**
 * The core's needs of `shape` with every population scaled by `factor`: neurons and rows
 * (sum of the delivered projections' source sizes) follow the sizes, synapses follow each
 * projection's rule (fan-in: k per target; probability: p per pair), the rest stays.
 */
export function scaleNeeds(shape: NetworkShape, factor: number): CoreNeeds {
  const sizes = scaledSizes(shape, factor);
  const ratio = (i: number): number => (sizes[i] ?? 0) / (shape.sizes[i] ?? 1);
  let synapses = 0;
  let rows = 0;
  for (const p of shape.projections) {
    synapses += Math.round(
      p.synapses * ratio(p.source) ** p.sourcePower * ratio(p.target) ** p.targetPower,
    );
    rows += sizes[p.source] ?? 0;
  }
  return {
    ...shape.needs,
    neurons: sizes.reduce((s, n) => s + n, 0),
    synapses,
    rows,
  };
}
